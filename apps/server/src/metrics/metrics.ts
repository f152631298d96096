import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricSources {
  readonly connections: () => number;
  readonly sessions: () => number;
}

/** What an instance reports to Prometheus; one registry per app, so tests can run several. */
export interface Metrics {
  readonly registry: Registry;
  readonly commands: Counter<'outcome'>;
  readonly commandSeconds: Histogram;
  readonly rejections: Counter<'reason'>;
  readonly storeSeconds: Histogram<'operation'>;
  readonly storeErrors: Counter<'operation'>;
  readonly notices: Counter<'direction'>;
}

// From a fraction of a millisecond (a commit on a warm SQLite) to seconds (a database in trouble).
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function createMetrics(sources: MetricSources, instanceId: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_id: instanceId });
  collectDefaultMetrics({ register: registry, prefix: 'cercle_' });
  const registers = [registry];
  new Gauge({
    name: 'cercle_connections',
    help: 'Open panel WebSockets on this instance',
    registers,
    collect() {
      this.set(sources.connections());
    },
  });
  new Gauge({
    name: 'cercle_sessions_live',
    help: 'Sessions held in memory by this instance',
    registers,
    collect() {
      this.set(sources.sessions());
    },
  });
  return {
    registry,
    commands: new Counter({
      name: 'cercle_commands_total',
      help: 'Commands handled, by outcome (applied, duplicate, rejected, failed)',
      labelNames: ['outcome'],
      registers,
    }),
    commandSeconds: new Histogram({
      name: 'cercle_command_duration_seconds',
      help: 'From a command frame received to its outcome (decided, committed, broadcast)',
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    rejections: new Counter({
      name: 'cercle_commands_rejected_total',
      help: 'Commands refused by the session rules, by reason',
      labelNames: ['reason'],
      registers,
    }),
    storeSeconds: new Histogram({
      name: 'cercle_store_duration_seconds',
      help: 'Time spent in the session store, by operation',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    storeErrors: new Counter({
      name: 'cercle_store_errors_total',
      help: 'Store operations that failed, by operation',
      labelNames: ['operation'],
      registers,
    }),
    notices: new Counter({
      name: 'cercle_commit_notices_total',
      help: 'Commit notices exchanged with other instances, by direction',
      labelNames: ['direction'],
      registers,
    }),
  };
}
