import { parseServerMessage } from '@cercle/protocol';
import { createSqliteSessionStore } from '@cercle/storage';
import { seedSession } from '@cercle/storage/testing';
import { describe, expect, it } from 'vitest';
import type { Connection } from './connection.ts';
import { Room, SNAPSHOT_INTERVAL_EVENTS } from './room.ts';
import { Rooms } from './rooms.ts';

const T0 = 1_700_000_000_000;

function fakeConnection(personId: string): Connection & { frames: string[] } {
  const frames: string[] = [];
  return { personId, frames, send: (frame) => frames.push(frame), close: () => undefined };
}

async function makeRoom() {
  const store = createSqliteSessionStore({ file: ':memory:' });
  const state = await seedSession(store, 's1', T0);
  let clock = T0;
  const room = new Room('s1', { state, seq: 0 }, store, () => ++clock);
  return { room, store };
}

describe('Room', () => {
  it('commits before it broadcasts: what panels hear is in the store', async () => {
    const { room, store } = await makeRoom();
    const panel = fakeConnection('fac');
    await room.attach(panel, null);
    await room.submit('fac', { type: 'startSession' }, 'c1');
    const event = parseServerMessage(panel.frames.at(-1)!);
    expect(event.ok && event.value).toMatchObject({ type: 'event', seq: 1, commandId: 'c1' });
    expect((await store.eventsSince('s1', 0, 10)).map((e) => e.seq)).toEqual([1]);
  });

  it('runs commands one at a time, so two identical clicks cannot both pass', async () => {
    const { room } = await makeRoom();
    await room.submit('fac', { type: 'startSession' }, 'c1');
    const outcomes = await Promise.all([
      room.submit('fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, 'a'),
      room.submit('fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, 'b'),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect(outcomes[1]).toEqual({ ok: false, reason: 'staleStage' });
    expect(room.state.currentStageIndex).toBe(1);
  });

  it('sends a private note only to its author; others get the sequence number alone', async () => {
    const { room } = await makeRoom();
    await room.submit('obs', { type: 'join', displayName: 'Oda' }, null);
    const author = fakeConnection('obs');
    const other = fakeConnection('fac');
    await room.attach(author, null);
    await room.attach(other, null);
    await room.submit('obs', { type: 'writeNote', text: 'mine alone' }, 'n1');
    expect(JSON.parse(author.frames.at(-1)!)).toMatchObject({
      seq: 2,
      event: { text: 'mine alone' },
    });
    expect(JSON.parse(other.frames.at(-1)!)).toMatchObject({
      seq: 2,
      event: null,
      commandId: 'n1',
    });
  });

  it('snapshots every so many events so a reload replays only the tail', async () => {
    const { room, store } = await makeRoom();
    await room.submit('fac', { type: 'startSession' }, null);
    for (let i = 0; i < SNAPSHOT_INTERVAL_EVENTS; i++)
      await room.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, null);
    expect(room.seq).toBe(SNAPSHOT_INTERVAL_EVENTS + 1);
    expect(await store.load('s1')).toEqual({ state: room.state, seq: room.seq });
  });

  it('obeys a command sent twice only once, even after a reload, and says so', async () => {
    const { room, store } = await makeRoom();
    await room.submit('fac', { type: 'startSession' }, 'c1');
    const first = await room.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, 'c2');
    const again = await room.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, 'c2');
    expect(again).toEqual({
      ok: true,
      seq: first.ok ? first.seq : -1,
      events: [],
      isDuplicate: true,
    });
    expect(room.state.timer.durationMs).toBe(6 * 60_000);
    // Another person's command with the same id is theirs, not a duplicate.
    await room.submit('obs', { type: 'join', displayName: 'Oda' }, 'c2');
    expect(room.state.people).toHaveLength(2);
    const reloaded = new Room('s1', (await store.load('s1'))!, store, () => T0 + 100);
    await reloaded.rememberRecentCommands();
    expect((await reloaded.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, 'c2')).ok).toBe(
      true,
    );
    expect(reloaded.state.timer.durationMs).toBe(6 * 60_000);
    const panel = fakeConnection('fac');
    await reloaded.replayTo(panel, first.ok ? first.seq : -1);
    expect(JSON.parse(panel.frames[0]!)).toMatchObject({
      type: 'event',
      commandId: 'c2',
      event: { type: 'timerAdjusted' },
    });
  });
});

describe('Room: a bounded log', () => {
  const note = (tag: string) => ({ type: 'writeNote', text: tag.padEnd(20_000, 'v') }) as const;

  it('folds the log into the snapshot once it holds too many bytes: old versions do not pile up', async () => {
    const store = createSqliteSessionStore({ file: ':memory:' });
    const state = await seedSession(store, 's1', T0);
    let clock = T0;
    const room = new Room('s1', { state, seq: 0 }, store, () => ++clock, undefined, {
      logBytes: 0,
      logBytesBeforeCompaction: 100_000,
    });
    let largest = 0;
    for (let i = 1; i <= 30; i++) {
      await room.submit('fac', note(`v${i}`), `n${i}`);
      largest = Math.max(largest, await store.logBytes('s1'));
    }
    // Thirty versions of 20 KB: 600 KB without compaction.
    expect(largest).toBeLessThanOrEqual(100_000 + 21_000);
    expect(room.state.notes.fac?.text.startsWith('v30')).toBe(true);
    expect(await store.load('s1')).toEqual({ state: room.state, seq: 30 });
    // A panel whose resume point was folded away gets a fresh view; one up to date resumes.
    const behind = fakeConnection('fac');
    await room.attach(behind, 3);
    expect(JSON.parse(behind.frames[0]!)).toMatchObject({ type: 'welcome', mode: 'snapshot' });
    const current = fakeConnection('fac');
    await room.attach(current, 30);
    expect(JSON.parse(current.frames[0]!)).toMatchObject({
      type: 'welcome',
      mode: 'resume',
      events: [],
    });
    // A resend of a command whose event was folded away is recognised and not replayed wrongly.
    const again = await room.submit('fac', note('v30'), 'n30');
    expect(again).toMatchObject({ ok: true, isDuplicate: true });
    const replayed = fakeConnection('fac');
    await room.replayTo(replayed, 30);
    expect(replayed.frames).toEqual([]);
  });

  it('a room loaded from the store counts the log it finds', async () => {
    const store = createSqliteSessionStore({ file: ':memory:' });
    const state = await seedSession(store, 's1', T0);
    const first = new Room('s1', { state, seq: 0 }, store, () => T0 + 1);
    for (let i = 1; i <= 4; i++) await first.submit('fac', note(`v${i}`), `n${i}`);
    expect(await store.logBytes('s1')).toBeGreaterThan(80_000);
    const rooms = new Rooms(store, () => T0 + 2, { logBytesBeforeCompaction: 100_000 });
    const loaded = (await rooms.get('s1'))!;
    await loaded.submit('fac', note('v5'), 'n5');
    expect(await store.logBytes('s1')).toBe(0);
    expect((await store.load('s1'))?.state.notes.fac?.text.startsWith('v5')).toBe(true);
  });
});
