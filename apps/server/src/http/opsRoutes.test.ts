import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { TestPanel } from '../testing/testPanel.ts';
import {
  createTestSession,
  makeDataDir,
  startTestServer,
  type TestServer,
} from '../testing/testServer.ts';

const running: Array<{ server: TestServer; remove(): void }> = [];
afterEach(async () => {
  for (const { server, remove } of running.splice(0)) {
    await server.stop();
    remove();
  }
});

async function serve(metricsToken?: string) {
  const data = makeDataDir();
  const server = await startTestServer(data.dir, metricsToken ? { metricsToken } : {});
  running.push({ server, remove: data.remove });
  return server;
}

/** The value of one Prometheus series, whatever the order of its labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries({ ...labels, instance_id: 'solo' }).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && wanted.every((label) => l.includes(label)));
  return line ? Number(line.split(' ').at(-1)) : null;
}

describe('readiness and metrics', () => {
  it('says ready alone on SQLite, with what it checked', async () => {
    const server = await serve();
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: { database: true, broker: true, accepting: true },
    });
  });

  it('says not ready once its database is gone', async () => {
    const server = await serve();
    await server.store.close();
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      checks: { database: false },
    });
  });

  it('counts connections, commands, rejections and store time in Prometheus format', async () => {
    const server = await serve();
    const session = await createTestSession(server.url);
    const panel = new TestPanel(server.url);
    await panel.hello(session.sessionId, session.token);
    await panel.run({ type: 'startSession' });
    await panel.run({ type: 'startSession' }); // refused: already started
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'cercle_connections')).toBe(1);
    expect(sample(text, 'cercle_sessions_live')).toBe(1);
    expect(sample(text, 'cercle_commands_total', { outcome: 'applied' })).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'cercle_commands_rejected_total', { reason: 'sessionAlreadyStarted' }),
    ).toBe(1);
    expect(text).toContain('cercle_command_duration_seconds_bucket');
    expect(
      sample(text, 'cercle_store_duration_seconds_count', { operation: 'append' }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toContain('cercle_nodejs_eventloop_lag_seconds');
    panel.close();
  });

  it('asks for the bearer token when one is configured', async () => {
    const server = await serve('a-metrics-token-of-some-length');
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer a-metrics-token-of-some-lengtX' },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer a-metrics-token-of-some-length' },
    });
    expect(right.status).toBe(200);
  });
});

describe('configuration of the shared topology', () => {
  it('reads PostgreSQL, Redis and the instance name', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://cercle:secret@db:5432/cercle',
      DATABASE_SCHEMA: 'cercle_prod',
      REDIS_URL: 'redis://redis:6379',
      INSTANCE_ID: 'cercle-a',
    });
    expect(config.database).toEqual({
      url: 'postgres://cercle:secret@db:5432/cercle',
      schema: 'cercle_prod',
    });
    expect(config.redisUrl).toBe('redis://redis:6379');
    expect(config.instanceId).toBe('cercle-a');
  });

  it('refuses Redis without PostgreSQL, and malformed addresses, saying why', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://redis:6379' })).toThrow(
      /REDIS_URL needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/cercle' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://db/cercle', DATABASE_SCHEMA: 'Robert"; drop' }),
    ).toThrow(/DATABASE_SCHEMA/);
  });
});
