import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../app.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';

const running: Array<{ built: CercleApp; remove(): void }> = [];
afterEach(async () => {
  for (const { built, remove } of running.splice(0)) {
    await built.app.close();
    remove();
  }
});

async function app(overrides: Parameters<typeof makeConfig>[1] = {}) {
  const data = makeDataDir();
  const built = await buildApp(makeConfig(data.dir, overrides));
  running.push({ built, remove: data.remove });
  return (remoteAddress: string, headers: Record<string, string> = {}) =>
    built.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
}

/**
 * `/metrics` tells the host name, the process id, memory and traffic. Without METRICS_TOKEN it
 * answers this machine only: a caller on the loopback whose request no proxy forwarded.
 */
describe('who reads /metrics', () => {
  it('without a token: the loopback only, never a forwarded or distant caller', async () => {
    const metrics = await app();
    expect((await metrics('127.0.0.1')).statusCode).toBe(200);
    expect((await metrics('::1')).statusCode).toBe(200);
    expect((await metrics('::ffff:127.0.0.1')).statusCode).toBe(200);
    for (const distant of ['203.0.113.9', '10.0.0.7', '192.168.1.20', '::ffff:198.51.100.1']) {
      const response = await metrics(distant);
      expect(response.statusCode, distant).toBe(403);
      expect(response.body).not.toContain('cercle_');
    }
    // A proxy on the same machine forwards the world: its requests are not the machine's own.
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const response = await metrics('127.0.0.1', { [header]: '203.0.113.9' });
      expect(response.statusCode, header).toBe(403);
    }
  });

  it('even when a trusted proxy names the loopback as the client', async () => {
    const metrics = await app({ trustProxy: 1 });
    expect((await metrics('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(403);
  });

  it('with a token: anyone who presents it, from anywhere; nobody without it', async () => {
    const token = 'a-metrics-token-of-some-length';
    const metrics = await app({ metricsToken: token });
    expect((await metrics('127.0.0.1')).statusCode).toBe(401);
    expect((await metrics('203.0.113.9')).statusCode).toBe(401);
    const granted = await metrics('203.0.113.9', { authorization: `Bearer ${token}` });
    expect(granted.statusCode).toBe(200);
    expect(granted.body).toContain('cercle_');
  });
});
