import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteSessionStore } from '@cercle/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { TestPanel } from '../testing/testPanel.ts';
import {
  createTestSession,
  makeConfig,
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

// The review found /healthz and /readyz green over a corrupted file and a full disk (28 of 30
// writes failing): readiness now commits a write of its own and reads it back, and checks the
// file's integrity in the background.
describe('readiness checks a real write and read', () => {
  async function serveOwnStore() {
    const data = makeDataDir();
    const file = join(data.dir, 'cercle.sqlite');
    const store = createSqliteSessionStore({ file, integrityCheckMaxAgeMs: 0 });
    const built = await buildApp(makeConfig(data.dir, { creationsPerMinute: 1000 }), { store });
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    const address = built.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const server: TestServer = {
      ...built,
      url: `http://127.0.0.1:${port}`,
      dataDir: data.dir,
      stop: () => built.app.close(),
    };
    running.push({ server, remove: data.remove });
    for (let i = 0; i < 30; i++) await createTestSession(server.url, `Cercle ${i}`);
    return { server, file };
  }

  const status = async (server: TestServer, path: string) =>
    (await fetch(`${server.url}${path}`)).status;

  it('goes unavailable once the database file is corrupted under it', async () => {
    const { server, file } = await serveOwnStore();
    expect(await status(server, '/readyz')).toBe(200);
    await until(() => statSync(file).size > 100_000);
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(size - 100), 0, size - 100, 100);
    closeSync(fd);
    await until(async () => (await status(server, '/readyz')) === 503);
    const response = await fetch(`${server.url}/readyz`);
    expect(await response.json()).toMatchObject({ checks: { database: false } });
    expect(await status(server, '/healthz')).toBe(503);
  });

  it('goes unavailable while its files cannot be written, and comes back after', async (context) => {
    const { server, file } = await serveOwnStore();
    const chattr = (flag: '+i' | '-i') =>
      spawnSync('chattr', [flag, file, `${file}-wal`], { encoding: 'utf8' });
    // An immutable file refuses writes even to root and through open descriptors.
    if (chattr('+i').status !== 0) {
      context.skip('chattr +i is not available here (needs root on ext4, xfs or btrfs)');
      return;
    }
    try {
      expect(await status(server, '/readyz')).toBe(503);
      expect(await status(server, '/healthz')).toBe(503);
    } finally {
      chattr('-i');
    }
    expect(await status(server, '/readyz')).toBe(200);
  });
});

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}

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
