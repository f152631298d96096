import { connect } from 'node:net';

/** True when something accepts TCP connections at host:port within `timeoutMs`. */
export function isListening(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (isUp: boolean) => {
      socket.destroy();
      resolve(isUp);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether the Redis the cluster tests use answers, said once with the reason when not. */
export async function redisReachable(): Promise<boolean> {
  const url = new URL(REDIS_URL);
  const isUp = await isListening(url.hostname, Number(url.port || 6379));
  if (!isUp) console.warn(`Redis not reachable at ${REDIS_URL}: skipping the multi-instance tests`);
  return isUp;
}
