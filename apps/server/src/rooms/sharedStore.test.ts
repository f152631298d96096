import type { CommitNotice } from '@cercle/protocol/cluster';
import { createSqliteSessionStore, type SessionStore } from '@cercle/storage';
import { seedSession } from '@cercle/storage/testing';
import { describe, expect, it } from 'vitest';
import type { Fanout } from '../cluster/fanout.ts';
import type { Connection } from './connection.ts';
import { Room } from './room.ts';
import { Rooms } from './rooms.ts';

// Two rooms over one store stand for two instances over one database.

const T0 = 1_700_000_000_000;

interface Heard {
  seq: number;
  type: string | null;
  text?: string;
}

function panel(personId: string): Connection & { heard: Heard[]; closedWith: number | null } {
  const heard: Heard[] = [];
  const self = {
    personId,
    heard,
    closedWith: null as number | null,
    send(frame: string) {
      const message = JSON.parse(frame);
      if (message.type === 'event')
        heard.push({
          seq: message.seq,
          type: message.event?.type ?? null,
          text: message.event?.text,
        });
    },
    close(code: number) {
      self.closedWith = code;
    },
  };
  return self;
}

async function sharedSession() {
  const store = createSqliteSessionStore({ file: ':memory:' });
  await seedSession(store, 's1', T0);
  let clock = T0;
  const open = async () => new Room('s1', (await store.load('s1'))!, store, () => ++clock);
  return { store, open };
}

const seqs = (heard: Heard[]) => heard.map((h) => h.seq);

describe('rooms of one session on two instances', () => {
  it('follows the other instance from the store, in order, with nothing twice', async () => {
    const { open } = await sharedSession();
    const a = await open();
    const b = await open();
    const onB = panel('fac');
    await b.attach(onB, null);
    await a.submit('fac', { type: 'startSession' }, 'c1');
    await a.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, 'c2');
    await b.catchUp(null, 2);
    await b.catchUp(null, 2); // a late or repeated notice changes nothing
    expect(onB.heard).toEqual([
      { seq: 1, type: 'sessionStarted' },
      { seq: 2, type: 'timerAdjusted' },
    ]);
    expect(b.state).toEqual(a.state);
    // The command ids came along: a resend to this instance is recognised.
    const resent = await b.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, 'c2');
    expect(resent).toMatchObject({ ok: true, isDuplicate: true, seq: 2 });
  });

  it('passes on the events it missed before its own when a command finds the log moved', async () => {
    const { store, open } = await sharedSession();
    const a = await open();
    const b = await open();
    const onB = panel('fac');
    await b.attach(onB, null);
    await a.submit('fac', { type: 'startSession' }, null);
    await b.catchUp(null, 1);
    await a.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, null);
    await a.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, null);
    // b never heard of 2 and 3: its append conflicts, it catches up, decides again, commits at 4.
    const outcome = await b.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, null);
    expect(outcome).toMatchObject({ ok: true, seq: 4 });
    expect(seqs(onB.heard)).toEqual([1, 2, 3, 4]);
    expect((await store.eventsSince('s1', 0, 10)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(b.state.timer.durationMs).toBe(a.state.timer.durationMs + 60_000);
  });

  it('uses announced events when they follow on, and reads private text from the store', async () => {
    const { open } = await sharedSession();
    const a = await open();
    const b = await open();
    await a.submit('obs', { type: 'join', displayName: 'Oda' }, null);
    await b.catchUp(null, 1);
    const author = panel('obs');
    const other = panel('fac');
    await b.attach(author, null);
    await b.attach(other, null);
    await a.submit('obs', { type: 'writeNote', text: 'mine alone' }, 'n1');
    await b.catchUp(null, 2);
    expect(author.heard.at(-1)).toEqual({ seq: 2, type: 'noteWritten', text: 'mine alone' });
    expect(other.heard.at(-1)).toEqual({ seq: 2, type: null, text: undefined });
    // An announced event that does not follow on is not trusted: the store is read instead.
    await a.submit('fac', { type: 'startSession' }, null);
    await a.submit('fac', { type: 'adjustTimer', deltaMs: 60_000 }, null);
    await b.catchUp(
      [{ seq: 4, event: { type: 'sessionStarted', at: T0 }, commandId: null, actorId: 'fac' }],
      4,
    );
    expect(seqs(other.heard)).toEqual([2, 3, 4]);
    expect(b.state).toEqual(a.state);
  });

  it('reloads and lets its panels reconnect when the events it missed were erased', async () => {
    const { open } = await sharedSession();
    const a = await open();
    const b = await open();
    await a.submit('obs', { type: 'join', displayName: 'Oda' }, null);
    await b.catchUp(null, 1);
    const onB = panel('fac');
    await b.attach(onB, null);
    await a.submit('obs', { type: 'writeNote', text: 'to erase' }, null);
    await a.submit('obs', { type: 'eraseMyContent' }, null);
    await b.catchUp(null, a.seq);
    expect(onB.closedWith).toBe(1012);
    expect(b.seq).toBe(a.seq);
    expect(b.state).toEqual(a.state);
    expect(b.connectionCount).toBe(0);
  });

  it('reloads the same way when the other instance folded a long log away, and counts it afresh', async () => {
    const { store } = await sharedSession();
    let clock = T0;
    const open = async () =>
      new Room('s1', (await store.load('s1'))!, store, () => ++clock, undefined, {
        logBytesBeforeCompaction: 50_000,
      });
    const a = await open();
    const b = await open();
    const onB = panel('fac');
    await b.attach(onB, null);
    const note = (tag: string) => ({ type: 'writeNote', text: tag.padEnd(20_000, 'x') }) as const;
    await a.submit('fac', note('v1'), null);
    await a.submit('fac', note('v2'), null);
    // B follows: it counts the 40 KB it folded in.
    await b.catchUp(null, a.seq);
    await a.submit('fac', note('v3'), null);
    expect(await store.logBytes('s1')).toBe(0);
    await b.catchUp(null, a.seq);
    expect(onB.closedWith).toBe(1012);
    expect(b.state).toEqual(a.state);
    // B starts from an empty log: its next commits do not fold it again at once.
    await b.submit('fac', note('v4'), null);
    expect(await store.logBytes('s1')).toBeGreaterThan(20_000);
  });
});

describe('commit notices', () => {
  function recordingFanout(): Fanout & { sent: CommitNotice[] } {
    const sent: CommitNotice[] = [];
    return {
      sent,
      isReady: () => true,
      publish: (notice) => void sent.push(notice),
      subscribe: async () => undefined,
      unsubscribe: async () => undefined,
      close: async () => undefined,
    };
  }

  async function twoInstances(store: SessionStore) {
    const fanoutA = recordingFanout();
    const fanoutB = recordingFanout();
    const a = new Rooms(store, () => T0, { fanout: fanoutA, instanceId: 'a' });
    const b = new Rooms(store, () => T0, { fanout: fanoutB, instanceId: 'b' });
    return { a, b, fanoutA, fanoutB };
  }

  it('carry public events inline and private ones by sequence number only', async () => {
    const { store } = await sharedSession();
    const { a, fanoutA } = await twoInstances(store);
    const room = (await a.get('s1'))!;
    await room.submit('fac', { type: 'startSession' }, 'c1');
    await room.submit('fac', { type: 'writeNote', text: 'secret' }, 'c2');
    expect(fanoutA.sent).toEqual([
      {
        sessionId: 's1',
        origin: 'a',
        firstSeq: 1,
        lastSeq: 1,
        events: [
          {
            seq: 1,
            event: expect.objectContaining({ type: 'sessionStarted' }),
            actorId: 'fac',
            commandId: 'c1',
          },
        ],
      },
      { sessionId: 's1', origin: 'a', firstSeq: 2, lastSeq: 2, events: null },
    ]);
    expect(JSON.stringify(fanoutA.sent)).not.toContain('secret');
  });

  it('move the other instance’s room and are ignored by their own', async () => {
    const { store } = await sharedSession();
    const { a, b, fanoutA } = await twoInstances(store);
    const roomA = (await a.get('s1'))!;
    const roomB = (await b.get('s1'))!;
    const onB = panel('fac');
    await roomB.attach(onB, null);
    await roomA.submit('fac', { type: 'startSession' }, null);
    for (const notice of fanoutA.sent) {
      a.hear(notice);
      b.hear(notice);
    }
    await new Promise((r) => setTimeout(r, 0)); // notices are handled asynchronously
    await roomB.idle();
    await roomA.idle();
    expect(seqs(onB.heard)).toEqual([1]);
    expect(roomA.seq).toBe(1);
    expect(roomB.state).toEqual(roomA.state);
  });
});
