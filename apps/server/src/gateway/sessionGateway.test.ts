import { findTemplate } from '@cercle/domain';
import { PROTOCOL_VERSION, parseServerMessage, type ServerMessage } from '@cercle/protocol';
import { createSqliteSessionStore, type SessionStore } from '@cercle/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admitPerson } from '../auth/admitPerson.ts';
import { issueStageCredential } from '../auth/credentials.ts';
import { newId } from '../auth/tokens.ts';
import { openLinkSession } from '../http/openSession.ts';
import { Rooms } from '../rooms/rooms.ts';
import { type GatewayConnection, type GatewayLimits, SessionGateway } from './sessionGateway.ts';

/** A socket that keeps what the gateway sent it, and how it was closed. */
class FakeSocket {
  readonly messages: ServerMessage[] = [];
  closeCode: number | null = null;
  #waiters: Array<() => void> = [];

  send(frame: string): void {
    const parsed = parseServerMessage(frame);
    if (!parsed.ok) throw new Error(`invalid frame: ${parsed.message}`);
    this.messages.push(parsed.value);
    this.#notify();
  }

  close(code: number): void {
    this.closeCode = code;
    this.#notify();
  }

  #notify(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  /** Resolves with the first message that matches, now or later. */
  waitFor(match: (message: ServerMessage) => boolean): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such message')), 10_000);
      const check = () => {
        const found = this.messages.find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else this.#waiters.push(check);
      };
      check();
    });
  }

  waitForClose(): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not closed')), 10_000);
      const check = () => {
        if (this.closeCode !== null) {
          clearTimeout(timer);
          resolve(this.closeCode);
        } else this.#waiters.push(check);
      };
      check();
    });
  }
}

let store: SessionStore;
let rooms: Rooms;
let isClosing: boolean;
const errors: string[] = [];

function gateway(limits: Partial<GatewayLimits> = {}): SessionGateway {
  return new SessionGateway({
    store,
    rooms,
    now: Date.now,
    isClosing: () => isClosing,
    log: { error: (_details, message) => errors.push(message) },
    limits,
  });
}

beforeEach(() => {
  store = createSqliteSessionStore({ file: ':memory:' });
  rooms = new Rooms(store, Date.now);
  isClosing = false;
  errors.length = 0;
});

afterEach(async () => {
  await rooms.closeAll(1000, 'test over');
  await store.close();
});

async function session() {
  const opened = await openLinkSession(store, 'http://cercle.test', {
    groupName: 'Cercle des cadres',
    template: findTemplate('remote-2h')!,
    facilitator: { id: newId(), displayName: 'Awa' },
    now: Date.now(),
  });
  if (!opened) throw new Error('not created');
  const room = (await rooms.get(opened.sessionId))!;
  const bo = await admitPerson(store, room, { displayName: 'Bo', kind: 'link', now: Date.now() });
  if (!bo.ok) throw new Error(bo.reason);
  return { sessionId: opened.sessionId, facilitator: opened, bo, room };
}

function connect(gate: SessionGateway): { socket: FakeSocket; connection: GatewayConnection } {
  const socket = new FakeSocket();
  return { socket, connection: gate.open(socket) };
}

function hello(connection: GatewayConnection, sessionId: string, token: string): void {
  connection.receive(
    JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, sessionId, token, lastSeq: null }),
  );
}

function command(connection: GatewayConnection, commandId: string, body: object): void {
  connection.receive(JSON.stringify({ type: 'command', commandId, command: body }));
}

const presenceOf = (room: {
  state: { people: readonly { displayName: string; presence: string }[] };
}) => Object.fromEntries(room.state.people.map((p) => [p.displayName, p.presence]));

describe('the session gateway (no transport)', () => {
  it('greets a valid credential and runs, in order, the commands sent while greeting', async () => {
    const { sessionId, facilitator, room } = await session();
    const { socket, connection } = connect(gateway());
    hello(connection, sessionId, facilitator.token);
    // Sent before the welcome: kept, then run after it, in order.
    command(connection, 'c1', { type: 'startSession' });
    command(connection, 'c2', { type: 'startTimer' });
    await socket.waitFor((m) => m.type === 'event' && m.commandId === 'c2');
    const kinds = socket.messages.map((m) =>
      m.type === 'event' ? `${m.commandId ?? '-'}:${m.event?.type}` : m.type,
    );
    expect(kinds[0]).toBe('welcome');
    expect(kinds.indexOf('c1:sessionStarted')).toBeLessThan(kinds.indexOf('c2:timerStarted'));
    await room.idle();
    expect(room.state.timer.status).toBe('running');
  });

  it('refuses commands before hello, a bad credential, and a panel that never says hello', async () => {
    const { sessionId } = await session();
    const early = connect(gateway());
    command(early.connection, 'c1', { type: 'startSession' });
    expect(early.socket.messages[0]).toMatchObject({ type: 'error', code: 'helloRequired' });

    const forged = connect(gateway());
    hello(forged.connection, sessionId, 'a-token-nobody-was-ever-given');
    expect(await forged.socket.waitForClose()).toBe(4401);
    expect(forged.socket.messages[0]).toMatchObject({ type: 'error', code: 'unauthorized' });

    const silent = connect(gateway({ helloTimeoutMs: 30 }));
    expect(await silent.socket.waitForClose()).toBe(4408);
  });

  it('warns a flooding panel once, then cuts it off', async () => {
    const { sessionId, facilitator } = await session();
    const { socket, connection } = connect(
      gateway({ frameBurst: 3, framesPerSecond: 0.001, droppedFramesBeforeClose: 5 }),
    );
    hello(connection, sessionId, facilitator.token);
    await socket.waitFor((m) => m.type === 'welcome');
    for (let i = 0; i < 10; i++)
      connection.receive(JSON.stringify({ type: 'ping', pingId: i, clientSentAt: i }));
    expect(socket.messages.filter((m) => m.type === 'pong')).toHaveLength(2);
    expect(
      socket.messages.filter((m) => m.type === 'error' && m.code === 'rateLimited'),
    ).toHaveLength(2);
    expect(socket.closeCode).toBe(4429);
  });

  it('one person’s panels cannot fill the session and lock the facilitator out', async () => {
    const { sessionId, facilitator, bo } = await session();
    const gate = gateway({ connectionsPerPerson: 2, connectionsPerSession: 4 });
    const bos = [connect(gate), connect(gate), connect(gate)];
    for (const { connection } of bos) hello(connection, sessionId, bo.token);
    await bos[0]!.socket.waitFor((m) => m.type === 'welcome');
    await bos[1]!.socket.waitFor((m) => m.type === 'welcome');
    expect(await bos[2]!.socket.waitForClose()).toBe(4430);
    expect(bos[2]!.socket.messages[0]).toMatchObject({ type: 'error', code: 'tooManyConnections' });
    const awa = connect(gate);
    hello(awa.connection, sessionId, facilitator.token);
    await awa.socket.waitFor((m) => m.type === 'welcome');
  });

  it('presence: online with a first panel, offline with the last, untouched by a shutdown', async () => {
    const { sessionId, bo, room } = await session();
    await room.submit(bo.personId, { type: 'setPresence', presence: 'offline' }, null);
    const gate = gateway();
    const phone = connect(gate);
    const laptop = connect(gate);
    hello(phone.connection, sessionId, bo.token);
    await phone.socket.waitFor((m) => m.type === 'welcome');
    hello(laptop.connection, sessionId, bo.token);
    await laptop.socket.waitFor((m) => m.type === 'welcome');
    await room.idle();
    expect(presenceOf(room).Bo).toBe('online');
    phone.connection.closed();
    await room.idle();
    expect(presenceOf(room).Bo).toBe('online');
    laptop.connection.closed();
    await room.idle();
    expect(presenceOf(room).Bo).toBe('offline');

    const again = connect(gate);
    hello(again.connection, sessionId, bo.token);
    await again.socket.waitFor((m) => m.type === 'welcome');
    await room.idle();
    isClosing = true;
    again.connection.closed();
    await room.idle();
    // Restarting servers keep people online: their panels come straight back.
    expect(presenceOf(room).Bo).toBe('online');
  });

  it('a stage capability reads without a seat, presence or command', async () => {
    const { sessionId, room } = await session();
    const token = await issueStageCredential(store, sessionId, Date.now());
    await room.idle();
    const before = room.seq;
    const { socket, connection } = connect(gateway());
    hello(connection, sessionId, token);
    await socket.waitFor((m) => m.type === 'welcome');
    command(connection, 'c1', { type: 'startSession' });
    expect(await socket.waitFor((m) => m.type === 'error')).toMatchObject({
      code: 'readOnly',
      commandId: 'c1',
    });
    connection.closed();
    await room.idle();
    expect(room.seq).toBe(before);
    expect(room.state.lifecycle).toBe('scheduled');
  });

  it('a wrong credential loads nothing, and an unknown session reads the same (no probing ids)', async () => {
    const { sessionId } = await session();
    await rooms.closeAll(1000, 'unloaded');
    rooms = new Rooms(store, Date.now);
    const answers: unknown[] = [];
    for (const id of [sessionId, 'no-such-session-id']) {
      const { socket, connection } = connect(gateway());
      hello(connection, id, 'a-token-nobody-was-ever-given');
      const code = await socket.waitForClose();
      answers.push({ code, first: socket.messages[0] });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ code: 4401, first: { code: 'unauthorized' } });
    expect(rooms.size).toBe(0);
  });

  it('one person’s panels share a write budget in the session: a flood of notes is refused', async () => {
    const { sessionId, facilitator, bo, room } = await session();
    let clock = Date.now();
    const gate = new SessionGateway({
      store,
      rooms,
      now: () => clock,
      isClosing: () => false,
      log: { error: (_details, message) => errors.push(message) },
      limits: { writeBytesPerMinute: 90_000 },
    });
    const bos = [connect(gate), connect(gate), connect(gate), connect(gate)];
    for (const { connection } of bos) hello(connection, sessionId, bo.token);
    for (const { socket } of bos) await socket.waitFor((m) => m.type === 'welcome');
    const note = (tag: string) => ({ type: 'writeNote', text: tag.padEnd(20_000, 'x') });
    const answer = async (panel: { socket: FakeSocket }, commandId: string) =>
      panel.socket.waitFor(
        (m) => (m.type === 'event' || m.type === 'error') && m.commandId === commandId,
      );
    // Four panels, three 20,000-byte notes each: 240,000 bytes against a budget of 90,000.
    for (const [p, panel] of bos.entries())
      for (let i = 0; i < 3; i++) command(panel.connection, `n${p}-${i}`, note(`${p}-${i}`));
    const answers = [];
    for (const [p, panel] of bos.entries())
      for (let i = 0; i < 3; i++) answers.push(await answer(panel, `n${p}-${i}`));
    expect(answers.filter((m) => m.type === 'event')).toHaveLength(4);
    const refused = answers.filter((m) => m.type === 'error');
    expect(refused).toHaveLength(8);
    for (const m of refused) expect(m).toMatchObject({ code: 'rateLimited' });
    // Someone else writes on, and Bo may again once the minute has passed.
    const awa = connect(gate);
    hello(awa.connection, sessionId, facilitator.token);
    await awa.socket.waitFor((m) => m.type === 'welcome');
    command(awa.connection, 'a1', note('awa'));
    expect(await answer(awa, 'a1')).toMatchObject({ type: 'event' });
    clock += 60_000;
    command(bos[0]!.connection, 'later', note('later'));
    expect(await answer(bos[0]!, 'later')).toMatchObject({ type: 'event' });
    await room.idle();
    expect(room.state.notes[bo.personId]?.text.startsWith('later')).toBe(true);
  });

  it('the default budget lets a person autosave a note at its length limit every second', async () => {
    const { sessionId, bo } = await session();
    let clock = Date.now();
    const gate = new SessionGateway({
      store,
      rooms,
      now: () => clock,
      isClosing: () => false,
      log: { error: (_details, message) => errors.push(message) },
    });
    const { socket, connection } = connect(gate);
    hello(connection, sessionId, bo.token);
    await socket.waitFor((m) => m.type === 'welcome');
    // Two minutes of saves, one a second, each the whole note at the domain's 20,000 characters
    // of French (accents take two bytes).
    const prose = 'Je reformule la demande du client, puis j’écoute où il en est. '.repeat(400);
    for (let i = 0; i < 120; i++) {
      clock += 1000;
      command(connection, `s${i}`, { type: 'writeNote', text: `${i} ${prose}`.slice(0, 20_000) });
      const reply = await socket.waitFor(
        (m) => (m.type === 'event' || m.type === 'error') && m.commandId === `s${i}`,
      );
      expect(reply.type).toBe('event');
    }
  });

  it('a stranger who has not said hello gets a small budget, in bytes and in frames', async () => {
    const nested = `${'['.repeat(4000)}${']'.repeat(4000)}`;
    const big = connect(gateway());
    big.connection.receive(nested);
    expect(big.socket.messages[0]).toMatchObject({ type: 'error', code: 'frameTooLarge' });
    const chatty = connect(gateway());
    for (let i = 0; i < 9; i++)
      chatty.connection.receive(JSON.stringify({ type: 'ping', pingId: i, clientSentAt: i }));
    expect(chatty.socket.messages.filter((m) => m.type === 'pong')).toHaveLength(8);
    expect(chatty.socket.closeCode).toBe(4408);
  });
});
