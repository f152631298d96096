import { randomBytes } from 'node:crypto';
import { createSqliteSessionStore } from '@cercle/storage';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../app.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const hasRedis = await redisAnswers();
if (!hasRedis) console.warn(`Redis not reachable at ${REDIS_URL}: skipping the shared limit test`);

const apps: CercleApp[] = [];
const data = makeDataDir();

afterEach(async () => {
  for (const built of apps.splice(0)) await built.app.close();
});

async function instance(redisUrl: string | undefined) {
  const built = await buildApp(
    makeConfig(data.dir, { creationsPerMinute: 10, ...(redisUrl ? { redisUrl } : {}) }),
    { store: createSqliteSessionStore({ file: ':memory:' }) },
  );
  apps.push(built);
  return built.app;
}

async function create(app: CercleApp['app'], address: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sessions',
    remoteAddress: address,
    payload: { groupName: 'G', templateKey: 'remote-2h', facilitatorName: 'A' },
  });
  return response;
}

describe('limits on the doors that create things', () => {
  it('answers 429 rateLimited with Retry-After past the limit, per address', async () => {
    const app = await instance(undefined);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await create(app, '198.51.100.1')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const refused = await create(app, '198.51.100.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rateLimited' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await create(app, '198.51.100.2')).statusCode).toBe(201);
  });

  it.skipIf(!hasRedis)(
    'with Redis, a limit holds across instances instead of multiplying with them',
    async () => {
      // A fresh address per run: the counters live in Redis for a minute.
      const address = `2001:db8::${randomBytes(6).toString('hex').match(/.{4}/g)?.join(':')}`;
      const a = await instance(REDIS_URL);
      const b = await instance(REDIS_URL);
      let created = 0;
      for (let i = 0; i < 10; i++)
        for (const app of [a, b]) if ((await create(app, address)).statusCode === 201) created++;
      expect(created).toBe(10);
    },
  );
});
