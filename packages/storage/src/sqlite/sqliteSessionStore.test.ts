import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createAesCodec } from '../payloadCodec.ts';
import { seedSession } from '../seedSession.ts';
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

/** Which of `markers` the raw bytes of the database, its WAL and its SHM hold. */
function markersOnDisk(file: string, markers: readonly string[]): string[] {
  const files = [file, `${file}-wal`, `${file}-shm`].filter((path) => existsSync(path));
  const bytes = Buffer.concat(files.map((path) => readFileSync(path)));
  return markers.filter((marker) => bytes.includes(marker));
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}

describe('erased text leaves the files', () => {
  it('after compaction no byte of the deleted events is left in the database, WAL or SHM', async () => {
    const { apply, createSession, decide, REMOTE_TWO_HOURS } = await import('@cercle/domain');
    const dir = mkdtempSync(join(tmpdir(), 'cercle-erase-'));
    dirs.push(dir);
    const file = join(dir, 'cercle.sqlite');
    const store = createSqliteSessionStore({ file });
    let state = createSession({
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
    let seq = 0;
    const run = async (command: Parameters<typeof decide>[1], withSnapshot = false) => {
      const decision = decide(state, command, 'f', seq + 2);
      if (!decision.ok) throw new Error(decision.reason);
      for (const event of decision.events) state = apply(state, event);
      const result = await store.append(
        's',
        seq,
        decision.events.map((event) => ({ event, actorId: 'f', commandId: null, at: seq + 2 })),
        withSnapshot ? state : undefined,
      );
      if (!result.ok) throw new Error(result.reason);
      seq = result.seq;
    };
    // Every version of the note, large enough to spill over pages, some in a snapshot too.
    const markers = Array.from({ length: 12 }, (_, i) => `ERASE-ME-${i}-QZX`);
    for (const [i, marker] of markers.entries())
      await run({ type: 'writeNote', text: `${marker} `.repeat(40 + 300 * (i % 3)) }, i % 4 === 3);
    expect(markersOnDisk(file, markers)).toEqual(markers);
    await run({ type: 'eraseMyContent' });
    expect(JSON.stringify(state)).not.toContain('ERASE-ME');
    expect(await store.compact('s', seq, state)).toBe(true);
    expect(markersOnDisk(file, markers)).toEqual([]);
    // The store goes on as before.
    await run({ type: 'writeNote', text: 'after' });
    expect((await store.load('s'))?.state.notes.f?.text).toBe('after');
    await store.close();
    expect(markersOnDisk(file, markers)).toEqual([]);
  });
});

describe('probe', () => {
  async function filledStore() {
    const dir = mkdtempSync(join(tmpdir(), 'cercle-probe-'));
    dirs.push(dir);
    const file = join(dir, 'cercle.sqlite');
    const store = createSqliteSessionStore({ file, integrityCheckMaxAgeMs: 0 });
    for (let i = 0; i < 40; i++) await seedSession(store, `s${i}`);
    return { file, store };
  }

  it('fails once the database file is corrupted under the running store', async () => {
    const { file, store } = await filledStore();
    expect(await store.probe()).toBe(true);
    await until(() => statSync(file).size > 100_000);
    // Garbage over every page but the header, as a failing disk or a stray copy would leave.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(size - 100), 0, size - 100, 100);
    closeSync(fd);
    await until(async () => !(await store.probe()));
    await store.close();
  });

  it('fails while the files cannot be written, and recovers after', async (context) => {
    const { file, store } = await filledStore();
    expect(await store.probe()).toBe(true);
    const chattr = (flag: '+i' | '-i') =>
      spawnSync('chattr', [flag, file, `${file}-wal`], { encoding: 'utf8' });
    // An immutable file refuses writes even to root and through open descriptors: a full or
    // read-only disk as the store sees it. Only root may set it.
    if (chattr('+i').status !== 0) {
      context.skip('chattr +i is not available here (needs root on ext4, xfs or btrfs)');
      return;
    }
    try {
      expect(await store.probe()).toBe(false);
    } finally {
      chattr('-i');
    }
    expect(await store.probe()).toBe(true);
    await store.close();
  });
});
