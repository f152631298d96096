import { timingSafeEqual } from 'node:crypto';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance } from 'fastify';
import type { Fanout } from '../cluster/fanout.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { sendError } from './httpError.ts';
import { isLocalCaller } from './localCaller.ts';

/** A database that takes longer than this to answer a ping or a probe counts as down. */
export const READINESS_TIMEOUT_MS = 2000;

export interface OpsDeps {
  readonly store: SessionStore;
  readonly fanout: Fanout;
  readonly metrics: Metrics;
  readonly metricsToken: string | undefined;
  readonly isClosing: () => boolean;
}

/** `check` in time; a hung connection is as bad as a refused one. */
async function inTime(check: () => Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** True when the store answered in time: the database is reachable. */
export function storeAnswers(store: SessionStore): Promise<boolean> {
  return inTime(() => store.ping());
}

/**
 * True when the store committed a write and read it back in time (and, on SQLite, its file passed
 * its last integrity check): a database that answers `select 1` may still refuse every write
 * (full or read-only disk) or hold a corrupted file.
 */
export function storeWorks(store: SessionStore): Promise<boolean> {
  return inTime(() => store.probe());
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Liveness (`/healthz`: the process serves and its database reads and writes), readiness
 * (`/readyz`: send panels here — the database reads and writes and, with several instances, the
 * broker answers) and Prometheus metrics.
 */
export function registerOpsRoutes(app: FastifyInstance, deps: OpsDeps): void {
  app.get('/healthz', async (_request, reply) => {
    const isUp = await storeWorks(deps.store);
    return reply.status(isUp ? 200 : 503).send({ status: isUp ? 'ok' : 'unavailable' });
  });

  app.get('/readyz', async (_request, reply) => {
    const checks = {
      database: await storeWorks(deps.store),
      broker: deps.fanout.isReady(),
      accepting: !deps.isClosing(),
    };
    const isReady = checks.database && checks.broker && checks.accepting;
    return reply
      .status(isReady ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: isReady ? 'ready' : 'unavailable', checks });
  });

  app.get('/metrics', async (request, reply) => {
    if (deps.metricsToken) {
      const given = request.headers.authorization?.replace(/^Bearer /i, '') ?? '';
      if (!sameSecret(given, deps.metricsToken))
        return sendError(reply, 401, 'unauthorized', 'Metrics need the bearer token.');
    } else if (!isLocalCaller(request))
      // Host name, pid, memory and traffic are nobody else's business: set METRICS_TOKEN to scrape.
      return sendError(reply, 403, 'forbidden', 'Metrics answer this machine, or METRICS_TOKEN.');
    return reply
      .header('content-type', deps.metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await deps.metrics.registry.metrics());
  });
}
