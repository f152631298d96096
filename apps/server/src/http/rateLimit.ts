import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './httpError.ts';

/**
 * A fixed-window counter per client address for the HTTP doors that create things (sessions,
 * people): enough to stop a script, invisible to a group of twelve.
 */
export function createRateLimit(options: { limit: number; windowMs: number; now: () => number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const at = options.now();
    const key = request.ip;
    const window = windows.get(key);
    if (!window || at - window.start >= options.windowMs) {
      windows.set(key, { start: at, count: 1 });
      if (windows.size > 10_000)
        for (const [k, w] of windows) if (at - w.start >= options.windowMs) windows.delete(k);
      return;
    }
    window.count += 1;
    if (window.count > options.limit) {
      reply.header('Retry-After', Math.ceil((window.start + options.windowMs - at) / 1000));
      return sendError(reply, 429, 'rateLimited', 'Too many requests: wait a moment.');
    }
  };
}
