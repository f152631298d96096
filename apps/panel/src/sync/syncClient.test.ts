import { viewFor } from '@cercle/domain';
import { PROTOCOL_VERSION } from '@cercle/protocol';
import { describe, expect, it } from 'vitest';
import { makeSession, run, T0 } from '../testing/builders.ts';
import { FakeSocket } from '../testing/fakeSocket.ts';
import { RESEND_AFTER_MS, SyncClient } from './syncClient.ts';

function setup(options: { clockSkewMs?: number } = {}) {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ callback: () => void; ms: number }> = [];
  let clientNow = T0 + (options.clockSkewMs ?? 0);
  const storage = new Map<string, string>();
  const client = new SyncClient({
    url: 'ws://test/ws',
    sessionId: 'session1',
    token: 't'.repeat(43),
    socketFactory: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
      removeItem: (k) => void storage.delete(k),
    },
    now: () => clientNow,
    random: () => 0.5,
    setTimer: (callback, ms) => timers.push({ callback, ms }),
    clearTimer: () => undefined,
  });
  const advance = (ms: number) => {
    clientNow += ms;
  };
  /** Runs the reconnect timer, the one queued with the longest delay. */
  const fireReconnect = () => {
    const reconnect = timers.filter((t) => t.ms !== 1000 && t.ms !== 10_000).pop();
    reconnect?.callback();
  };
  return { client, sockets, timers, storage, advance, fireReconnect, last: () => sockets.at(-1)! };
}

const state = makeSession([{ id: 'bo', name: 'Bo' }]);

function welcome(seq: number, serverNow = T0, personId = 'bo') {
  return {
    type: 'welcome',
    mode: 'snapshot',
    protocol: PROTOCOL_VERSION,
    personId,
    serverNow,
    seq,
    view: viewFor(state, personId),
  };
}

describe('SyncClient', () => {
  it('says hello, then holds the view from the welcome', () => {
    const { client, last } = setup();
    client.start();
    last().open();
    expect(last().sentOfType('hello')).toEqual([
      {
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        sessionId: 'session1',
        token: 't'.repeat(43),
        lastSeq: null,
      },
    ]);
    last().receive(welcome(3));
    expect(client.snapshot).toMatchObject({ status: 'connected', seq: 3, personId: 'bo' });
    expect(client.snapshot.view?.groupName).toBe('Cercle des cadres');
  });

  it('applies events in order and advances over events private to someone else', () => {
    const { client, last } = setup();
    client.start();
    last().open();
    last().receive(welcome(3));
    const started = run(state, 'fac', { type: 'startSession' }, T0 + 5);
    last().receive({
      type: 'event',
      seq: 4,
      event: { type: 'sessionStarted', at: T0 + 5 },
      commandId: null,
      serverNow: T0 + 5,
    });
    last().receive({ type: 'event', seq: 5, event: null, commandId: 'x', serverNow: T0 + 6 });
    expect(client.snapshot.seq).toBe(5);
    expect(client.snapshot.view?.lifecycle).toBe(started.lifecycle);
  });

  it('on a gap, reconnects and asks to resume from the last sequence it applied', () => {
    const { client, sockets, last, fireReconnect } = setup();
    client.start();
    last().open();
    last().receive(welcome(3));
    last().receive({
      type: 'event',
      seq: 7,
      event: { type: 'timerReset' },
      commandId: null,
      serverNow: T0,
    });
    expect(client.snapshot.status).toBe('reconnecting');
    fireReconnect();
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sentOfType('hello')[0]).toMatchObject({ lastSeq: 3 });
  });

  it('keeps commands made offline, even across a reload, and sends them after the welcome', () => {
    const first = setup();
    first.client.start();
    first.last().open();
    first.last().receive(welcome(3));
    first.last().close(1006);
    const commandId = first.client.send({ type: 'writeNote', text: 'hors ligne' });
    expect(first.last().sentOfType('command')).toEqual([]);
    expect(first.client.snapshot.pending).toHaveLength(1);
    // A reload: a new client over the same storage finds the command again.
    const reloaded = new SyncClient({
      url: 'ws://test/ws',
      sessionId: 'session1',
      token: 't'.repeat(43),
      socketFactory: (url) => new FakeSocket(url),
      storage: {
        getItem: (k) => first.storage.get(k) ?? null,
        setItem: (k, v) => void first.storage.set(k, v),
        removeItem: (k) => void first.storage.delete(k),
      },
    });
    expect(reloaded.snapshot.pending).toEqual([
      { commandId, command: { type: 'writeNote', text: 'hors ligne' } },
    ]);
    first.fireReconnect();
    first.last().open();
    first.last().receive(welcome(3));
    expect(first.last().sentOfType('command')).toEqual([
      { type: 'command', commandId, command: { type: 'writeNote', text: 'hors ligne' } },
    ]);
    first.last().receive({
      type: 'event',
      seq: 4,
      event: { type: 'noteWritten', authorId: 'bo', text: 'hors ligne', at: T0 },
      commandId,
      serverNow: T0,
    });
    expect(first.client.snapshot.pending).toEqual([]);
    expect(first.storage.size).toBe(0);
  });

  it('does not resend a command the resumed log shows was accepted', () => {
    const { client, last, fireReconnect } = setup();
    client.start();
    last().open();
    last().receive(welcome(3));
    const commandId = client.send({ type: 'rename', displayName: 'Bo B.' });
    last().close(1006);
    fireReconnect();
    last().open();
    last().receive({
      type: 'welcome',
      mode: 'resume',
      protocol: PROTOCOL_VERSION,
      personId: 'bo',
      serverNow: T0,
      events: [
        {
          seq: 4,
          event: { type: 'personRenamed', personId: 'bo', displayName: 'Bo B.' },
          commandId,
        },
      ],
    });
    expect(last().sentOfType('command')).toEqual([]);
    expect(client.snapshot.view?.people.find((p) => p.id === 'bo')?.displayName).toBe('Bo B.');
  });

  it('turns a refusal into a notice and forgets the command', () => {
    const { client, last } = setup();
    client.start();
    last().open();
    last().receive(welcome(3));
    const commandId = client.send({ type: 'startSession' });
    last().receive({ type: 'rejected', commandId, reason: 'notFacilitator' });
    expect(client.snapshot.pending).toEqual([]);
    expect(client.snapshot.notices).toEqual([{ id: 1, kind: 'rejection', code: 'notFacilitator' }]);
  });

  it('stops for good on a refused credential', () => {
    const { client, sockets, last, timers } = setup();
    client.start();
    last().open();
    last().receive({ type: 'error', code: 'unauthorized', message: 'no', commandId: null });
    last().close(4401);
    expect(client.snapshot).toMatchObject({ status: 'failed', failure: 'unauthorized' });
    expect(timers).toHaveLength(0);
    expect(sockets).toHaveLength(1);
  });

  it('[R49] stops for good, saying so, once the facilitator removed this person', () => {
    const { client, sockets, last } = setup();
    client.start();
    last().open();
    last().receive(welcome(3));
    client.send({ type: 'writeNote', text: 'unsent' });
    last().receive({ type: 'error', code: 'removed', message: 'removed', commandId: null });
    last().close(4403);
    expect(client.snapshot).toMatchObject({ status: 'failed', failure: 'removed' });
    expect(client.snapshot.notices).toEqual([]);
    expect(sockets).toHaveLength(1);
  });

  it('[R49] the close code alone says it too, when the error frame was lost', () => {
    const { client, sockets, last } = setup();
    client.start();
    last().open();
    last().receive(welcome(3));
    last().close(4403);
    expect(client.snapshot).toMatchObject({ status: 'failed', failure: 'removed' });
    expect(sockets).toHaveLength(1);
  });

  it.each([10 * 60_000, -10 * 60_000])(
    'reads the server clock right when this machine is off by %i ms',
    (skew) => {
      const { client, last, advance } = setup({ clockSkewMs: skew });
      client.start();
      last().open();
      advance(40); // the hello's round trip
      last().receive(welcome(3, T0 + 20));
      expect(Math.abs(client.serverNow() - (T0 + 40))).toBeLessThanOrEqual(20);
    },
  );

  it('sends again a command left unanswered, until it is confirmed', () => {
    const { client, last, timers, advance } = setup();
    client.start();
    last().open();
    last().receive(welcome(3));
    const commandId = client.send({ type: 'adjustTimer', deltaMs: 60_000 });
    expect(last().sentOfType('command')).toHaveLength(1);
    advance(RESEND_AFTER_MS);
    timers.at(-1)?.callback(); // the next ping tick
    expect(
      last()
        .sentOfType('command')
        .map((m) => m.commandId),
    ).toEqual([commandId, commandId]);
    last().receive({
      type: 'event',
      seq: 2,
      event: { type: 'timerAdjusted', deltaMs: 60_000 },
      commandId,
      serverNow: T0,
    });
    expect(client.snapshot.pending).toEqual([]);
    expect(client.snapshot.seq).toBe(3);
  });

  it('never sends an older whole text again once a newer one is queued', () => {
    const { client, last, timers, advance } = setup();
    client.start();
    last().open();
    last().receive(welcome(3));
    // Command ids are drawn from the clock here: a millisecond apart keeps them distinct.
    const older = client.send({ type: 'writeNote', text: 'v1' });
    advance(1);
    const timer = client.send({ type: 'adjustTimer', deltaMs: 60_000 });
    advance(1);
    const newer = client.send({ type: 'writeNote', text: 'v2' });
    expect(client.snapshot.pending.map((p) => p.commandId)).toEqual([timer, newer]);
    advance(RESEND_AFTER_MS);
    timers.at(-1)?.callback(); // the next ping tick resends what is unanswered
    const resent = last()
      .sentOfType('command')
      .slice(3)
      .map((m) => m.commandId);
    expect(resent).toEqual([timer, newer]);
    expect(resent).not.toContain(older);
  });

  it('an erasure of my texts drops what I queued before it, keeps what I typed after, and says so', () => {
    let forgotten = 0;
    const sockets: FakeSocket[] = [];
    const timers: Array<{ callback: () => void; ms: number }> = [];
    const client = new SyncClient({
      url: 'ws://test/ws',
      sessionId: 'session1',
      token: 't'.repeat(43),
      socketFactory: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      storage: null,
      now: () => T0,
      random: (() => {
        let n = 0;
        return () => (n += 0.01);
      })(),
      setTimer: (callback, ms) => timers.push({ callback, ms }),
      clearTimer: () => undefined,
      onOwnErasure: () => {
        forgotten += 1;
      },
    });
    client.start();
    sockets[0]!.open();
    sockets[0]!.receive(welcome(3));
    // Offline: commands wait in the outbox.
    sockets[0]!.close();
    client.send({ type: 'writeLearnings', content: 'OLD WORDS', process: '' });
    client.send({ type: 'postSuggestion', text: 'OLD IDEA', visibility: 'group' });
    const erase = client.send({ type: 'eraseMyContent' });
    client.send({ type: 'writeNote', text: 'typed after erasing' });
    expect(client.snapshot.pending).toHaveLength(4);
    // Back online; another person's erasure changes nothing here.
    timers
      .filter((t) => t.ms !== 1000 && t.ms !== 10_000)
      .pop()
      ?.callback();
    sockets.at(-1)!.open();
    sockets.at(-1)!.receive({
      type: 'welcome',
      mode: 'resume',
      protocol: PROTOCOL_VERSION,
      personId: 'bo',
      serverNow: T0,
      events: [
        { seq: 4, event: { type: 'contentErased', personId: 'someone-else' }, commandId: null },
        { seq: 5, event: { type: 'contentErased', personId: 'bo' }, commandId: erase },
      ],
    });
    expect(forgotten).toBe(1);
    expect(client.snapshot.erasures).toBe(1);
    expect(client.snapshot.pending.map((p) => p.command)).toEqual([
      { type: 'writeNote', text: 'typed after erasing' },
    ]);
  });
});
