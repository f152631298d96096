import { createSqliteSessionStore } from '@cercle/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';

let built: CercleApp | null = null;
const data = makeDataDir();

afterEach(async () => {
  await built?.app.close();
  built = null;
});

/** Creates sessions from one socket address, each claiming another client in X-Forwarded-For. */
async function createWithRotatingForwardedFor(trustProxy: Config['trustProxy'], count: number) {
  built = await buildApp(makeConfig(data.dir, { trustProxy, creationsPerMinute: 60 }), {
    store: createSqliteSessionStore({ file: ':memory:' }),
  });
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/sessions',
      remoteAddress: '203.0.113.7',
      headers: { 'x-forwarded-for': `198.51.100.${i % 250}` },
      payload: { groupName: `G${i}`, templateKey: 'remote-2h', facilitatorName: 'A' },
    });
    statuses.push(response.statusCode);
  }
  return statuses;
}

describe('who the client is, behind a proxy or not', () => {
  it('by default no proxy is believed: a forged X-Forwarded-For does not escape the limit', async () => {
    const statuses = await createWithRotatingForwardedFor(false, 70);
    expect(statuses.filter((s) => s === 201)).toHaveLength(60);
    expect(statuses.at(-1)).toBe(429);
  });

  it('with TRUST_PROXY naming the proxy, its X-Forwarded-For tells the clients apart', async () => {
    const statuses = await createWithRotatingForwardedFor(['203.0.113.7'], 70);
    expect(statuses.every((s) => s === 201)).toBe(true);
  });

  it('reads TRUST_PROXY as hops or addresses, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('a loopback PUBLIC_URL lets each loopback name connect: the server logs 127.0.0.1, the default says localhost', () => {
    expect(loadConfig({ PORT: '3000' }).allowedOrigins).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
    ]);
    expect(loadConfig({ PUBLIC_URL: 'https://cercle.example.org' }).allowedOrigins).toEqual([
      'https://cercle.example.org',
    ]);
  });
});
