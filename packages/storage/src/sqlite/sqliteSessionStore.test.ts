import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { createAesCodec } from '../payloadCodec.ts';
import { describeSessionStoreContract } from '../storeContract.ts';
import { createSqliteSessionStore } from './sqliteSessionStore.ts';

describeSessionStoreContract('SQLite :memory:', async () => ({
  store: createSqliteSessionStore({ file: ':memory:' }),
}));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeSessionStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cercle-store-'));
  dirs.push(dir);
  const file = join(dir, 'cercle.sqlite');
  return {
    store: createSqliteSessionStore({ file }),
    reopen: async () => createSqliteSessionStore({ file, synchronous: 'FULL' }),
  };
});

const dataKey = { id: 'k1', key: randomBytes(32) };
describeSessionStoreContract('SQLite, encrypted at rest', async () => ({
  store: createSqliteSessionStore({ file: ':memory:', codec: createAesCodec([dataKey]) }),
}));

it('keeps private notes unreadable in the database file when a data key is set', async () => {
  const { applyAll, createSession, decide, REMOTE_TWO_HOURS } = await import('@cercle/domain');
  const dir = mkdtempSync(join(tmpdir(), 'cercle-enc-'));
  dirs.push(dir);
  const file = join(dir, 'cercle.sqlite');
  const store = createSqliteSessionStore({ file, codec: createAesCodec([dataKey]) });
  const state = createSession({
    id: 's',
    groupName: 'G',
    template: REMOTE_TWO_HOURS,
    facilitator: { id: 'f', displayName: 'F' },
    now: 1,
  });
  await store.createSession({
    state,
    joinTokenHash: 'j',
    facilitatorCredential: {
      tokenHash: 'h',
      sessionId: 's',
      personId: 'f',
      kind: 'link',
      createdAt: 1,
      expiresAt: null,
    },
  });
  const decision = decide(state, { type: 'writeNote', text: 'TRES-CONFIDENTIEL' }, 'f', 2);
  if (!decision.ok) throw new Error(decision.reason);
  await store.append(
    's',
    0,
    decision.events.map((event) => ({ event, actorId: 'f', commandId: null, at: 2 })),
    applyAll(state, decision.events),
  );
  expect((await store.load('s'))?.state.notes.f?.text).toBe('TRES-CONFIDENTIEL');
  await store.close();
  const raw = new Database(file, { readonly: true });
  const dump = JSON.stringify([
    raw.prepare('select * from events').all(),
    raw.prepare('select * from snapshots').all(),
  ]);
  raw.close();
  expect(dump).not.toContain('TRES-CONFIDENTIEL');
  expect(dump).toContain('enc1:k1:');
});
