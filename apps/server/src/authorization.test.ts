import {
  COMMAND_TYPES,
  type Command,
  type CommandType,
  decide,
  FACILITATOR_COMMANDS,
} from '@cercle/domain';
import { CONTENT_SAMPLES } from '@cercle/domain/testing/contentSamples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPanel } from './testing/testPanel.ts';
import {
  createTestSession,
  joinTestSession,
  makeDataDir,
  startTestServer,
  type TestServer,
} from './testing/testServer.ts';

/** One command of each type; a non-facilitator is refused before its content matters. */
const SAMPLES = {
  join: { type: 'join', displayName: 'Again' },
  startSession: { type: 'startSession' },
  endSession: { type: 'endSession' },
  goToStage: { type: 'goToStage', fromIndex: 0, toIndex: 1 },
  undoStageChange: { type: 'undoStageChange', fromIndex: 0 },
  startTimer: { type: 'startTimer' },
  pauseTimer: { type: 'pauseTimer' },
  resumeTimer: { type: 'resumeTimer' },
  adjustTimer: { type: 'adjustTimer', deltaMs: 60_000 },
  resetTimer: { type: 'resetTimer' },
  setStageDurations: {
    type: 'setStageDurations',
    durations: [{ stageKey: 'expose', plannedMs: 60_000 }],
  },
  addStage: { type: 'addStage', atIndex: 11, title: 'Bonus', plannedMs: null, floor: 'everyone' },
  removeStage: { type: 'removeStage', stageKey: 'break' },
  moveStage: { type: 'moveStage', stageKey: 'break', toIndex: 9 },
  assignRole: { type: 'assignRole', personId: 'nobody', role: 'client' },
  handOverFacilitation: { type: 'handOverFacilitation', toPersonId: 'nobody' },
  rename: { type: 'rename', displayName: 'Nouveau nom' },
  setPresence: { type: 'setPresence', presence: 'offline' },
  writeNote: { type: 'writeNote', text: 'note' },
  ...(Object.fromEntries(
    Object.entries(CONTENT_SAMPLES).map(([type, sample]) => [type, sample?.('someone')]),
  ) as Record<string, Command>),
} as unknown as Record<CommandType, Command>;

let data: ReturnType<typeof makeDataDir>;
let server: TestServer;
const panels: TestPanel[] = [];
const people: Record<'client' | 'consultant' | 'observer', { token: string; personId: string }> =
  {} as never;
let sessionId = '';
let otherSessionToken = '';

async function connected(token: string, session = sessionId): Promise<TestPanel> {
  const panel = new TestPanel(server.url);
  panels.push(panel);
  await panel.hello(session, token);
  return panel;
}

beforeAll(async () => {
  data = makeDataDir();
  server = await startTestServer(data.dir, { creationsPerMinute: 1000 });
  const created = await createTestSession(server.url);
  sessionId = created.sessionId;
  for (const role of ['client', 'consultant', 'observer'] as const)
    people[role] = await joinTestSession(server.url, created.sessionId, created.joinToken, role);
  const facilitator = await connected(created.token);
  await facilitator.run({ type: 'assignRole', personId: people.client.personId, role: 'client' });
  await facilitator.run({
    type: 'assignRole',
    personId: people.observer.personId,
    role: 'observer',
  });
  otherSessionToken = (await createTestSession(server.url, 'Autre groupe')).token;
});

afterAll(async () => {
  for (const p of panels) p.terminate();
  await server.stop();
  data.remove();
});

// What the facilitator may do, command by command, is the domain's permission matrix
// (packages/domain/src/permissions.test.ts); here the other doors are tried over real sockets.
describe('authorization over the wire: every command × every role', () => {
  const roles = ['client', 'consultant', 'observer'] as const;
  it.each(COMMAND_TYPES.flatMap((type) => roles.map((role) => [type, role] as const)))(
    '%s by the %s',
    async (type, role) => {
      const panel = await connected(people[role].token);
      const room = (await server.rooms.get(sessionId))!;
      await room.idle();
      const before = room.state;
      const answer = await panel.run(SAMPLES[type]);
      if (type === 'join')
        expect(answer).toMatchObject({ type: 'rejected', reason: 'alreadyJoined' });
      else if (FACILITATOR_COMMANDS.has(type))
        expect(answer).toMatchObject({ type: 'rejected', reason: 'notFacilitator' });
      else if (type in CONTENT_SAMPLES) {
        // Content commands depend on who wrote what: the server must answer as the domain rules.
        const expected = decide(before, SAMPLES[type], people[role].personId, Date.now());
        if (expected.ok) expect(answer.type).toBe('event');
        else expect(answer).toMatchObject({ type: 'rejected', reason: expected.reason });
      } else expect(answer.type).toBe('event');
      panel.terminate();
    },
  );

  it.each(COMMAND_TYPES)(
    '%s from a socket that never said hello is refused, nothing sent about the session',
    async (type) => {
      const panel = new TestPanel(server.url);
      panels.push(panel);
      await panel.sendRaw(
        JSON.stringify({ type: 'command', commandId: 'x1', command: SAMPLES[type] }),
      );
      const answer = await panel.waitFor((m) => m.type === 'error');
      expect(answer).toMatchObject({ code: 'helloRequired', commandId: 'x1' });
      expect(panel.frames.join('')).not.toContain(sessionId);
      panel.terminate();
    },
  );

  it('a member of another session cannot enter this one, and this session does not move', async () => {
    const room = (await server.rooms.get(sessionId))!;
    const seq = room.seq;
    const intruder = new TestPanel(server.url);
    panels.push(intruder);
    await intruder.hello(sessionId, otherSessionToken);
    expect(await intruder.waitForClose()).toBe(4401);
    expect(intruder.messages.some((m) => m.type === 'welcome')).toBe(false);
    expect(room.seq).toBe(seq);
  });
});

describe('read visibility: every private text × every role', () => {
  it('a note reaches its author and nobody else, in events and in snapshots', async () => {
    const readers = await Promise.all(
      roles().map(async (role) => ({ role, panel: await connected(people[role].token) })),
    );
    for (const { role, panel } of readers)
      await panel.run({ type: 'writeNote', text: `SECRET-${role}` });
    const room = (await server.rooms.get(sessionId))!;
    await room.idle();
    for (const { panel } of readers) await panel.waitForSeq(room.seq);
    // Late snapshots too.
    const late = await Promise.all(
      roles().map(async (role) => ({ role, panel: await connected(people[role].token) })),
    );
    for (const { role, panel } of [...readers, ...late]) {
      const frames = panel.frames.join('\n');
      for (const author of roles()) {
        if (author === role) expect(frames).toContain(`SECRET-${author}`);
        else expect(frames, `${role} received ${author}'s note`).not.toContain(`SECRET-${author}`);
      }
    }
  });
});

function roles() {
  return ['client', 'consultant', 'observer'] as const;
}
