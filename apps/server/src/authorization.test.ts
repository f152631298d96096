import { COMMAND_TYPES, type Command, type CommandType, type Rejection } from '@cercle/domain';
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

/** The people of every session below: facilitator, client, consultant, observer. */
const MEMBERS = ['fac', 'cli', 'con', 'obs'] as const;
type Member = (typeof MEMBERS)[number];
type Ids = Readonly<Record<Member, string>>;

/** What the server answers on the wire: an event (`ok`) or the rejection's code. */
type Outcome = 'ok' | Rejection;
type Cells = readonly [fac: Outcome, cli: Outcome, con: Outcome, obs: Outcome];

const ok = 'ok';

/**
 * [R3] [R4] [R5] [R24]–[R39] [R45] [R46] What the server answers each member for each command,
 * written out from the rules — not read from the code's lists or from `decide`. Every row runs in
 * a fresh live session: `fac` facilitates, `cli` is the client of the case chosen (case-1), `con`
 * a consultant who proposed case-2 and posted suggestion-3, `obs` observes. This group has no
 * previous session, so nobody debriefs one.
 */
// biome-ignore format: a table reads in columns
const EXPECTED: Readonly<Record<CommandType, Cells>> = {
  //                        fac                       cli                   con                   obs
  join:                  ['alreadyJoined',          'alreadyJoined',      'alreadyJoined',      'alreadyJoined'],
  rename:                [ok,                       ok,                   ok,                   ok],
  setPresence:           [ok,                       ok,                   ok,                   ok],
  assignRole:            [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  handOverFacilitation:  [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  removePerson:          [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  startSession:          ['sessionAlreadyStarted',  'notFacilitator',     'notFacilitator',     'notFacilitator'],
  endSession:            [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  goToStage:             [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  undoStageChange:       [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  setStageDurations:     [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  addStage:              [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  removeStage:           [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  moveStage:             [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  startTimer:            [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  pauseTimer:            [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  resumeTimer:           [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  adjustTimer:           [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  resetTimer:            [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  setTimerAutoStart:     [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  writeNote:             [ok,                       ok,                   ok,                   ok],
  launchInclusion:       [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  pickCard:              [ok,                       ok,                   ok,                   ok],
  writeDebrief:          ['notPreviousClient',      'notPreviousClient',  'notPreviousClient',  'notPreviousClient'],
  proposeCase:           [ok,                       ok,                   ok,                   'observersObserve'],
  withdrawCase:          ['notAuthor',              'notAuthor',          ok,                   'notAuthor'],
  voteCase:              [ok,                       ok,                   ok,                   'observersObserve'],
  chooseCase:            [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  raiseHand:             [ok,                       ok,                   ok,                   'observersObserve'],
  lowerHand:             [ok,                       ok,                   ok,                   'handNotRaised'],
  giveFloor:             [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  startRound:            [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  nextTurn:              [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  flagAdvice:            [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  writeContract:         ['notClient',              ok,                   'notClient',          'notClient'],
  postSuggestion:        [ok,                       'clientListens',      ok,                   'observersObserve'],
  sortSuggestion:        ['notClient',              ok,                   'notClient',          'notClient'],
  writeActionPlan:       ['notClient',              ok,                   'notClient',          'notClient'],
  writeLearnings:        [ok,                       ok,                   ok,                   ok],
  evaluate:              [ok,                       ok,                   ok,                   ok],
  writeObserverFeedback: ['notObserver',            'notObserver',        'notObserver',        ok],
  setVisibility:         [ok,                       ok,                   ok,                   ok],
  eraseMyContent:        ['unchanged',              ok,                   ok,                   'unchanged'],
  announceNextSession:   [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  planSession:           [ok,                       'notFacilitator',     'notFacilitator',     'notFacilitator'],
  acceptEthics:          [ok,                       ok,                   ok,                   ok],
  askQuestion:           ['notConsultant',          'notConsultant',      ok,                   'observersObserve'],
  writeClientNote:       ['notClient',              ok,                   'notClient',          'notClient'],
  addStageNote:          ['notObserver',            'notObserver',        'notObserver',        ok],
};

/**
 * The command each member sends, valid in itself for whoever the rules let send it. What one
 * member's command changes is theirs alone (their name, hand, vote, texts), so the members of a
 * row do not stand in each other's way. These name people by the server's ids; every other
 * command is the domain's own sample (`CONTENT_SAMPLES`), whose case and suggestion ids this
 * session shares.
 */
const SAMPLES: Partial<Record<CommandType, (ids: Ids, actor: Member) => Command>> = {
  join: () => ({ type: 'join', displayName: 'Encore moi' }),
  rename: (_ids, actor) => ({ type: 'rename', displayName: `Nouveau nom ${actor}` }),
  setPresence: () => ({ type: 'setPresence', presence: 'offline' }),
  assignRole: (ids) => ({ type: 'assignRole', personId: ids.con, role: 'observer' }),
  handOverFacilitation: (ids) => ({ type: 'handOverFacilitation', toPersonId: ids.con }),
  removePerson: (ids) => ({ type: 'removePerson', personId: ids.con }),
  startSession: () => ({ type: 'startSession' }),
  endSession: () => ({ type: 'endSession' }),
  goToStage: () => ({ type: 'goToStage', fromIndex: 0, toIndex: 1 }),
  undoStageChange: () => ({ type: 'undoStageChange', fromIndex: 1 }),
  setStageDurations: () => ({
    type: 'setStageDurations',
    durations: [{ stageKey: 'expose', plannedMs: 60_000 }],
  }),
  addStage: () => ({
    type: 'addStage',
    atIndex: 11,
    title: 'Bonus',
    plannedMs: null,
    floor: 'everyone',
  }),
  removeStage: () => ({ type: 'removeStage', stageKey: 'break' }),
  moveStage: () => ({ type: 'moveStage', stageKey: 'break', toIndex: 9 }),
  startTimer: () => ({ type: 'startTimer' }),
  pauseTimer: () => ({ type: 'pauseTimer' }),
  resumeTimer: () => ({ type: 'resumeTimer' }),
  adjustTimer: () => ({ type: 'adjustTimer', deltaMs: 60_000 }),
  resetTimer: () => ({ type: 'resetTimer' }),
  setTimerAutoStart: () => ({
    type: 'setTimerAutoStart',
    stageKeys: ['consultation'],
    isAutoTimed: true,
  }),
  writeNote: (_ids, actor) => ({ type: 'writeNote', text: `La note de ${actor}` }),
  proposeCase: (_ids, actor) => ({
    type: 'proposeCase',
    kind: 'preoccupation',
    title: `Le sujet de ${actor}`,
    summary: '',
  }),
  lowerHand: (ids, actor) => ({ type: 'lowerHand', personId: ids[actor] }),
  giveFloor: (ids) => ({ type: 'giveFloor', personId: ids.con }),
  flagAdvice: (ids) => ({ type: 'flagAdvice', personId: ids.con }),
};

function sampleOf(type: CommandType, ids: Ids, actor: Member): Command {
  const own = SAMPLES[type];
  if (own) return own(ids, actor);
  const shared = CONTENT_SAMPLES[type];
  if (!shared) throw new Error(`no sample for ${type}`);
  return shared(ids[actor]);
}

type Step = readonly [Member, Command];

/** What a row needs before its command makes sense: a timer running, hands up, texts written. */
const SET_UP: Partial<Record<CommandType, (ids: Ids) => readonly Step[]>> = {
  undoStageChange: () => [['fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }]],
  pauseTimer: () => [['fac', { type: 'startTimer' }]],
  resumeTimer: () => [
    ['fac', { type: 'startTimer' }],
    ['fac', { type: 'pauseTimer' }],
  ],
  pickCard: () => [['fac', { type: 'launchInclusion' }]],
  lowerHand: () => [
    ['fac', { type: 'raiseHand' }],
    ['cli', { type: 'raiseHand' }],
    ['con', { type: 'raiseHand' }],
  ],
  nextTurn: () => [['fac', { type: 'startRound' }]],
  setVisibility: () =>
    MEMBERS.map((m) => [m, { type: 'writeLearnings', content: `de ${m}`, process: '' }] as const),
};

let data: ReturnType<typeof makeDataDir>;
let server: TestServer;
/** A session nothing below may hear of without a hello. */
let quiet = '';
const panels: TestPanel[] = [];

async function connected(sessionId: string, token: string): Promise<TestPanel> {
  const panel = new TestPanel(server.url);
  panels.push(panel);
  await panel.hello(sessionId, token);
  return panel;
}

/**
 * A fresh session, live, with a case chosen: each member's panel connected (so everyone is
 * present), the common ground laid by the room itself, then the row's own steps.
 */
async function consultingSession(steps: (ids: Ids) => readonly Step[] = () => []) {
  const created = await createTestSession(server.url);
  const seats = { fac: { token: created.token, personId: created.personId } } as Record<
    Member,
    { token: string; personId: string }
  >;
  for (const [member, name] of [
    ['cli', 'Chloé'],
    ['con', 'Dan'],
    ['obs', 'Oda'],
  ] as const)
    seats[member] = await joinTestSession(server.url, created.sessionId, created.joinToken, name);
  const ids: Ids = {
    fac: seats.fac.personId,
    cli: seats.cli.personId,
    con: seats.con.personId,
    obs: seats.obs.personId,
  };
  const room = await server.rooms.get(created.sessionId);
  if (!room) throw new Error('no room');
  const member = {} as Record<Member, TestPanel>;
  for (const m of MEMBERS) member[m] = await connected(created.sessionId, seats[m].token);
  const common: Step[] = [
    ['fac', { type: 'assignRole', personId: ids.obs, role: 'observer' }],
    ['fac', { type: 'startSession' }],
    ['cli', { type: 'proposeCase', kind: 'problem', title: 'Un agent en retrait', summary: '' }],
    ['con', { type: 'proposeCase', kind: 'project', title: 'Fusion', summary: '' }],
    ['fac', { type: 'chooseCase', caseId: 'case-1' }],
    ['con', { type: 'postSuggestion', text: 'Un entretien', visibility: 'group' }],
  ];
  for (const [actor, command] of [...common, ...steps(ids)]) {
    const outcome = await room.submit(ids[actor], command, null);
    if (!outcome.ok) throw new Error(`set-up ${command.type} by ${actor}: ${outcome.reason}`);
  }
  await room.idle();
  return { ids, member };
}

beforeAll(async () => {
  data = makeDataDir();
  server = await startTestServer(data.dir, { creationsPerMinute: 10_000 });
  quiet = (await createTestSession(server.url)).sessionId;
});

afterAll(async () => {
  for (const p of panels) p.terminate();
  await server.stop();
  data.remove();
});

describe('authorization over the wire: every command × every member, answers written out', () => {
  const types = Object.keys(EXPECTED) as CommandType[];

  it.each(types)('%s', async (type) => {
    const { ids, member } = await consultingSession(SET_UP[type]);
    const expected = EXPECTED[type];
    const answers = {} as Record<Member, Outcome>;
    // Refusals first: a command accepted from one member may not change what another is refused.
    const order = [...MEMBERS].sort(
      (a, b) =>
        Number(expected[MEMBERS.indexOf(a)] === ok) - Number(expected[MEMBERS.indexOf(b)] === ok),
    );
    for (const m of order) {
      const answer = await member[m].run(sampleOf(type, ids, m));
      answers[m] = answer.type === 'event' ? ok : answer.type === 'rejected' ? answer.reason : ok;
      if (answer.type === 'error') throw new Error(`${type} by ${m}: error ${answer.code}`);
    }
    for (const m of MEMBERS) member[m].terminate();
    expect(MEMBERS.map((m) => answers[m])).toEqual(expected);
  });

  it.each(types)(
    '%s from a socket that never said hello is refused, nothing sent about the session',
    async (type) => {
      const panel = new TestPanel(server.url);
      panels.push(panel);
      const ids: Ids = { fac: 'f', cli: 'c', con: 'n', obs: 'o' };
      await panel.sendRaw(
        JSON.stringify({ type: 'command', commandId: 'x1', command: sampleOf(type, ids, 'fac') }),
      );
      const answer = await panel.waitFor((m) => m.type === 'error');
      expect(answer).toMatchObject({ code: 'helloRequired', commandId: 'x1' });
      expect(panel.frames.join('')).not.toContain(quiet);
      panel.terminate();
    },
  );

  it('has a sample of every command, its own or the domain’s', () => {
    const ids: Ids = { fac: 'f', cli: 'c', con: 'n', obs: 'o' };
    for (const type of COMMAND_TYPES) expect(sampleOf(type, ids, 'fac').type).toBe(type);
  });

  it('a member of another session cannot enter this one, and this session does not move', async () => {
    const here = await createTestSession(server.url);
    const elsewhere = await createTestSession(server.url, 'Autre groupe');
    const room = (await server.rooms.get(here.sessionId))!;
    const seq = room.seq;
    const intruder = new TestPanel(server.url);
    panels.push(intruder);
    await intruder.hello(here.sessionId, elsewhere.token);
    expect(await intruder.waitForClose()).toBe(4401);
    expect(intruder.messages.some((m) => m.type === 'welcome')).toBe(false);
    expect(room.seq).toBe(seq);
  });
});

describe('read visibility: every private text × every member', () => {
  it('a note reaches its author and nobody else, in events and in snapshots', async () => {
    const created = await createTestSession(server.url);
    const seats = [
      { member: 'fac', token: created.token },
      ...(await Promise.all(
        (['cli', 'con', 'obs'] as const).map(async (member) => ({
          member,
          token: (
            await joinTestSession(server.url, created.sessionId, created.joinToken, member)
          ).token,
        })),
      )),
    ];
    const readers = await Promise.all(
      seats.map(async ({ member, token }) => ({
        member,
        token,
        panel: await connected(created.sessionId, token),
      })),
    );
    for (const { member, panel } of readers)
      await panel.run({ type: 'writeNote', text: `SECRET-${member}` });
    const room = (await server.rooms.get(created.sessionId))!;
    await room.idle();
    for (const { panel } of readers) await panel.waitForSeq(room.seq);
    // Late snapshots too.
    const late = await Promise.all(
      readers.map(async ({ member, token }) => ({
        member,
        panel: await connected(created.sessionId, token),
      })),
    );
    for (const { member, panel } of [...readers, ...late]) {
      const frames = panel.frames.join('\n');
      for (const author of MEMBERS) {
        if (author === member) expect(frames).toContain(`SECRET-${author}`);
        else
          expect(frames, `${member} received ${author}'s note`).not.toContain(`SECRET-${author}`);
      }
    }
  });
});
