import { randomBytes } from 'node:crypto';
import { createSession, REMOTE_TWO_HOURS } from '@cercle/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { createAesCodec } from '../payloadCodec.ts';
import { seedSession } from '../seedSession.ts';
import type { SessionStore } from '../sessionStore.ts';
import { describeSessionStoreContract } from '../storeContract.ts';
import { createPostgresSessionStore } from './postgresSessionStore.ts';
import { createTestSchema, postgresReachable, type TestSchema } from './testDatabase.ts';

const hasPostgres = await postgresReachable();
const schemas: TestSchema[] = [];
afterAll(async () => {
  await Promise.all(schemas.splice(0).map((s) => s.drop()));
});

async function freshSchema(): Promise<TestSchema> {
  const schema = await createTestSchema();
  schemas.push(schema);
  return schema;
}

const T0 = 1_700_000_000_000;

if (hasPostgres) {
  describeSessionStoreContract('PostgreSQL', async () => {
    const { url, name } = await freshSchema();
    return {
      store: await createPostgresSessionStore({ url, schema: name }),
      reopen: () => createPostgresSessionStore({ url, schema: name }),
    };
  });

  const dataKey = { id: 'k1', key: randomBytes(32) };
  describeSessionStoreContract('PostgreSQL, encrypted', async () => {
    const { url, name } = await freshSchema();
    const codec = createAesCodec([dataKey]);
    return {
      store: await createPostgresSessionStore({ url, schema: name, codec }),
      reopen: () => createPostgresSessionStore({ url, schema: name, codec }),
    };
  });
}

describe.skipIf(!hasPostgres)('PostgreSQL store shared by two instances', () => {
  const opened: SessionStore[] = [];
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  async function twoStores() {
    const { url, name } = await freshSchema();
    // Opened together: migrations run once, behind the advisory lock.
    const [a, b] = await Promise.all([
      createPostgresSessionStore({ url, schema: name }),
      createPostgresSessionStore({ url, schema: name }),
    ]);
    opened.push(a, b);
    await seedSession(a, 's1', T0);
    return { a, b };
  }

  it('keeps sequence numbers gap-free when both append to one session at once', async () => {
    const { a, b } = await twoStores();
    const event = { type: 'timerAdjusted', deltaMs: 1000 } as never;
    const appends = 200;
    let conflicts = 0;
    // Each writer retries on conflict from the head it is told, as a room does after catching up.
    const writer = async (store: SessionStore, name: string, count: number) => {
      let expected = 0;
      for (let i = 0; i < count; ) {
        const result = await store.append('s1', expected, [
          { event, actorId: name, commandId: `${name}-${i}`, at: T0 + i },
        ]);
        if (result.ok) {
          expected = result.seq;
          i++;
        } else {
          expect(result.reason).toBe('conflict');
          expect(result.headSeq).toBeGreaterThan(expected);
          conflicts++;
          expected = result.headSeq;
        }
      }
    };
    await Promise.all([writer(a, 'a', appends / 2), writer(b, 'b', appends / 2)]);
    const log = await a.eventsSince('s1', 0, 1000);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: appends }, (_, i) => i + 1));
    // Every command is there exactly once.
    expect(new Set(log.map((e) => e.commandId)).size).toBe(appends);
    expect((await b.load('s1'))?.seq).toBe(appends);
    expect(conflicts).toBeGreaterThan(0);
  });

  it('binds a meeting to one session even when two instances create at once', async () => {
    const { a, b } = await twoStores();
    const make = (store: SessionStore, id: string) =>
      store.createSession({
        state: createSession({
          id,
          groupName: 'Cercle',
          template: REMOTE_TWO_HOURS,
          facilitator: { id: 'fac', displayName: 'Awa' },
          now: T0,
        }),
        joinTokenHash: 'j',
        facilitatorCredential: {
          tokenHash: `h-${id}`,
          sessionId: id,
          personId: 'fac',
          kind: 'zoom',
          createdAt: T0,
          expiresAt: T0 + 1000,
        },
        link: { provider: 'zoom', externalId: 'meeting-1' },
      });
    const created = await Promise.all([make(a, 'x1'), make(b, 'x2')]);
    expect(created.sort()).toEqual([false, true]);
    const winner = await a.findLinkedSession({ provider: 'zoom', externalId: 'meeting-1' });
    expect(['x1', 'x2']).toContain(winner);
    // The loser left nothing behind.
    expect(await a.load(winner === 'x1' ? 'x2' : 'x1')).toBeNull();
  });
});

describe('PostgreSQL store when the database is away', () => {
  it('fails to open with the reason, quickly', async () => {
    const started = Date.now();
    await expect(
      createPostgresSessionStore({ url: 'postgres://postgres@127.0.0.1:1/test' }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
