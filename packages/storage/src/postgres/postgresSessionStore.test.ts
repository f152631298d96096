import { randomBytes } from 'node:crypto';
import { createSession, REMOTE_TWO_HOURS } from '@cercle/domain';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createAesCodec } from '../payloadCodec.ts';
import { seedSession } from '../seedSession.ts';
import type { SessionStore } from '../sessionStore.ts';
import { describeSessionStoreContract } from '../storeContract.ts';
import { createPostgresSessionStore } from './postgresSessionStore.ts';
import { createTestSchema, postgresAbsence, type TestSchema } from './testDatabase.ts';

const absence = await postgresAbsence();
const hasPostgres = absence === null;
const skipped = absence ? ` (skipped: ${absence})` : '';
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

describeSessionStoreContract(
  'PostgreSQL',
  async () => {
    const { url, name } = await freshSchema();
    return {
      store: await createPostgresSessionStore({ url, schema: name }),
      reopen: () => createPostgresSessionStore({ url, schema: name }),
    };
  },
  absence,
);

const dataKey = { id: 'k1', key: randomBytes(32) };
describeSessionStoreContract(
  'PostgreSQL, encrypted',
  async () => {
    const { url, name } = await freshSchema();
    const codec = createAesCodec([dataKey]);
    return {
      store: await createPostgresSessionStore({ url, schema: name, codec }),
      reopen: () => createPostgresSessionStore({ url, schema: name, codec }),
    };
  },
  absence,
);

describe.skipIf(!hasPostgres)(`PostgreSQL store shared by two instances${skipped}`, () => {
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
    // Two hundred commits and their conflicts, each a round trip: a busy machine needs time.
  }, 30_000);

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

describe.skipIf(!hasPostgres)(`PostgreSQL appends of one turn (group commit)${skipped}`, () => {
  const opened: SessionStore[] = [];
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  async function storeWith(sessionCount: number) {
    const { url, name } = await freshSchema();
    const store = await createPostgresSessionStore({ url, schema: name });
    opened.push(store);
    const ids = Array.from({ length: sessionCount }, (_, i) => `g${i}`);
    for (const id of ids) await seedSession(store, id, T0);
    // Which transaction wrote each event: its xmin.
    const writers = async () => {
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${name}` });
      await client.connect();
      try {
        const { rows } = await client.query<{ session_id: string; xmin: string }>(
          'select session_id, xmin::text from events order by session_id, seq',
        );
        return rows;
      } finally {
        await client.end();
      }
    };
    return { store, ids, writers };
  }

  const event = { type: 'timerAdjusted', deltaMs: 1000 } as never;
  const entryOf = (actorId: string, i: number) => ({
    event,
    actorId,
    commandId: `c${i}`,
    at: T0 + i,
  });

  it('commits the appends of one turn in one transaction, each with its own answer', async () => {
    const { store, ids, writers } = await storeWith(20);
    const results = await Promise.all(ids.map((id, i) => store.append(id, 0, [entryOf('a', i)])));
    expect(results).toEqual(ids.map(() => ({ ok: true, seq: 1 })));
    const rows = await writers();
    expect(rows).toHaveLength(ids.length);
    expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
    // A later turn is a later transaction.
    await store.append('g0', 1, [entryOf('a', 99)]);
    expect(new Set((await writers()).map((r) => r.xmin)).size).toBe(2);
  });

  it('answers conflict and notFound inside a batch without disturbing the others', async () => {
    const { store, ids } = await storeWith(3);
    await store.append('g1', 0, [entryOf('a', 0)]);
    const results = await Promise.all([
      store.append('g0', 0, [entryOf('a', 1), entryOf('a', 2)]),
      store.append('g1', 0, [entryOf('b', 3)]),
      store.append('nope', 0, [entryOf('a', 4)]),
      store.append('g2', 0, [entryOf('a', 5)]),
    ]);
    expect(results).toEqual([
      { ok: true, seq: 2 },
      { ok: false, reason: 'conflict', headSeq: 1 },
      { ok: false, reason: 'notFound', headSeq: 0 },
      { ok: true, seq: 1 },
    ]);
    expect((await store.eventsSince('g1', 0, 10)).map((e) => e.actorId)).toEqual(['a']);
    expect((await store.load(ids[0] ?? ''))?.seq).toBe(2);
  });

  it('rolls back a failing append alone: the others of its turn commit', async () => {
    const { store, writers } = await storeWith(3);
    // PostgreSQL refuses a NUL character in text: this one append fails with an error.
    const outcomes = await Promise.allSettled([
      store.append('g0', 0, [entryOf('a', 0)]),
      store.append('g1', 0, [entryOf('a', 1), entryOf('bad\u0000actor', 2)]),
      store.append('g2', 0, [entryOf('a', 3)]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await writers();
    expect(rows.map((r) => r.session_id)).toEqual(['g0', 'g2']);
    // Nothing of the failed append is left, not even its first event; its head did not move.
    expect(await store.append('g1', 0, [entryOf('a', 4)])).toEqual({ ok: true, seq: 1 });
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
