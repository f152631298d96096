import { timingSafeEqual } from 'node:crypto';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance } from 'fastify';
import type { Fanout } from '../cluster/fanout.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { sendError } from './httpError.ts';

/** A database that takes longer than this to answer a ping counts as down. */
export const READINESS_TIMEOUT_MS = 2000;

export interface OpsDeps {
  readonly store: SessionStore;
  readonly fanout: Fanout;
  readonly metrics: Metrics;
  readonly metricsToken: string | undefined;
  readonly isClosing: () => boolean;
}

/** True when the store answered in time; a hung connection is as bad as a refused one. */
export async function storeAnswers(store: SessionStore): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([store.ping().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Liveness (`/healthz`: the process serves), readiness (`/readyz`: send panels here — the
 * database and, with several instances, the broker answer) and Prometheus metrics.
 */
export function registerOpsRoutes(app: FastifyInstance, deps: OpsDeps): void {
  app.get('/healthz', async (_request, reply) => {
    const isUp = await storeAnswers(deps.store);
    return reply.status(isUp ? 200 : 503).send({ status: isUp ? 'ok' : 'unavailable' });
  });

  app.get('/readyz', async (_request, reply) => {
    const checks = {
      database: await storeAnswers(deps.store),
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
    }
    return reply
      .header('content-type', deps.metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await deps.metrics.registry.metrics());
  });
}
