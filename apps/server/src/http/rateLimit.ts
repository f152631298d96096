import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';

/** How long start-up waits for Redis before counting locally-open (then Redis takes over). */
const REDIS_READY_WAIT_MS = 5000;

/** The window of the per-address limits on the doors that create things (sessions, people). */
export const CREATION_WINDOW_MS = 60_000;

/**
 * Per-address limits on the HTTP doors that create things: enough to stop a script, invisible to a
 * group of twelve. With several instances the counters live in Redis, so a limit holds across them
 * instead of multiplying with them; a Redis outage lets requests through rather than lock every
 * door (the per-person and per-session limits still hold).
 */
export async function registerRateLimits(
  app: FastifyInstance,
  options: { readonly redisUrl?: string },
): Promise<void> {
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : null;
  redis?.on('error', () => undefined);
  // Counting starts with the shared counters, not with a let-through while Redis connects.
  if (redis)
    await new Promise<void>((resolve) => {
      redis.once('ready', () => resolve());
      setTimeout(resolve, REDIS_READY_WAIT_MS).unref();
    });
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'cercle:rate:', skipOnError: true } : {}),
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests: wait ${context.after}.`), {
        statusCode: context.statusCode,
      }),
  });
  if (redis) app.addHook('onClose', async () => void redis.disconnect());
}

/** A route's share of the creation limit: `creationsPerMinute` per address. */
export function creationLimit(creationsPerMinute: number) {
  return { rateLimit: { max: creationsPerMinute, timeWindow: CREATION_WINDOW_MS } };
}
