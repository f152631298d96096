import type { SessionStore } from '@cercle/storage';
import type { Metrics } from './metrics.ts';

/** The same store, timing every operation; `close` and `ping` are left out of the figures. */
export function instrumentStore(store: SessionStore, metrics: Metrics): SessionStore {
  const untimed = new Set<PropertyKey>(['close', 'ping']);
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      // Bound, so stores that keep private fields see themselves as `this`.
      if (untimed.has(property)) return value.bind(target);
      const operation = String(property);
      return async (...args: unknown[]) => {
        const end = metrics.storeSeconds.startTimer({ operation });
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          metrics.storeErrors.inc({ operation });
          throw error;
        } finally {
          end();
        }
      };
    },
  });
}
