import { describe, expect, it } from 'vitest';
import { applyAll } from './apply.ts';
import { COMMAND_TYPES, type Command, type CommandType } from './command.ts';
import { can, decide } from './decide.ts';
import type { SessionEvent } from './event.ts';
import { Rejection } from './rejection.ts';
import type { Lifecycle, SessionState } from './session.ts';
import { MIN, makeLiveSession, makeSession, run, T0 } from './testing/builders.ts';
import { CONTENT_SAMPLES, PREVIOUS } from './testing/contentSamples.ts';

const ACTORS = ['fac', 'cli', 'con', 'obs', 'out'] as const;
type Actor = (typeof ACTORS)[number];
const PHASES = ['scheduled', 'live', 'ended'] as const satisfies readonly Lifecycle[];

type Outcome = true | Rejection;
/** One phase: the outcome for fac, cli, con, obs and someone outside the session, in order. */
type Cells = readonly [Outcome, Outcome, Outcome, Outcome, Outcome];
type Row = readonly [scheduled: Cells, live: Cells, ended: Cells];

const ok = true;
const NI = Rejection.notInSession;
const AJ = Rejection.alreadyJoined;
const NF = Rejection.notFacilitator;
const OO = Rejection.observersObserve;
const NO = Rejection.notObserver;
const NC = Rejection.notClient;
const NP = Rejection.notPreviousClient;
const NK = Rejection.notConsultant;
const NL = Rejection.sessionNotLive;
const AS = Rejection.sessionAlreadyStarted;
const SE = Rejection.sessionEnded;
const CL = Rejection.clientListens;

/**
 * [R3] [R4] [R5] [R24] [R45] Who may send each kind of command, in each phase, written out from
 * the rules — not read from the code's own lists. In every phase `fac` facilitates, `cli` is the
 * client of the consultation under way, `con` the previous consultation's client, `obs` an
 * observer, and `out` is no member at all.
 */
// biome-ignore format: a table reads in columns
const EXPECTED: Readonly<Record<CommandType, Row>> = {
  //                     scheduled                     live                          ended
  //                     fac cli con obs out           fac cli con obs out           fac cli con obs out
  join:                 [[AJ, AJ, AJ, AJ, ok],        [AJ, AJ, AJ, AJ, ok],         [AJ, AJ, AJ, AJ, SE]],
  rename:               [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [SE, SE, SE, SE, NI]],
  setPresence:          [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [ok, ok, ok, ok, NI]],
  assignRole:           [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  handOverFacilitation: [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  removePerson:         [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [ok, NF, NF, NF, NI]],
  startSession:         [[ok, NF, NF, NF, NI],        [AS, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  endSession:           [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  goToStage:            [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  undoStageChange:      [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  setStageDurations:    [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  addStage:             [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  removeStage:          [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  moveStage:            [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  startTimer:           [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  pauseTimer:           [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  resumeTimer:          [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  adjustTimer:          [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  resetTimer:           [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  setTimerAutoStart:    [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  writeNote:            [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [ok, ok, ok, ok, NI]],
  launchInclusion:      [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  pickCard:             [[NL, NL, NL, NL, NI],        [ok, ok, ok, ok, NI],         [SE, SE, SE, SE, NI]],
  writeDebrief:         [[NP, NP, ok, NP, NI],        [NP, NP, ok, NP, NI],         [NP, NP, ok, NP, NI]],
  proposeCase:          [[ok, ok, ok, OO, NI],        [ok, ok, ok, OO, NI],         [SE, SE, SE, OO, NI]],
  withdrawCase:         [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [SE, SE, SE, SE, NI]],
  voteCase:             [[ok, ok, ok, OO, NI],        [ok, ok, ok, OO, NI],         [SE, SE, SE, OO, NI]],
  chooseCase:           [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  raiseHand:            [[NL, NL, NL, OO, NI],        [ok, ok, ok, OO, NI],         [SE, SE, SE, OO, NI]],
  lowerHand:            [[NL, NL, NL, NL, NI],        [ok, ok, ok, ok, NI],         [SE, SE, SE, SE, NI]],
  giveFloor:            [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  startRound:           [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  nextTurn:             [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  flagAdvice:           [[NL, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [SE, NF, NF, NF, NI]],
  writeContract:        [[NC, ok, NC, NC, NI],        [NC, ok, NC, NC, NI],         [NC, SE, NC, NC, NI]],
  postSuggestion:       [[ok, CL, ok, OO, NI],        [ok, CL, ok, OO, NI],         [SE, CL, SE, OO, NI]],
  sortSuggestion:       [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [SE, SE, SE, SE, NI]],
  writeActionPlan:      [[NC, ok, NC, NC, NI],        [NC, ok, NC, NC, NI],         [NC, ok, NC, NC, NI]],
  writeLearnings:       [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [ok, ok, ok, ok, NI]],
  evaluate:             [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [ok, ok, ok, ok, NI]],
  writeObserverFeedback:[[NO, NO, NO, ok, NI],        [NO, NO, NO, ok, NI],         [NO, NO, NO, ok, NI]],
  setVisibility:        [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [ok, ok, ok, ok, NI]],
  eraseMyContent:       [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [ok, ok, ok, ok, NI]],
  announceNextSession:  [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [ok, NF, NF, NF, NI]],
  planSession:          [[ok, NF, NF, NF, NI],        [ok, NF, NF, NF, NI],         [ok, NF, NF, NF, NI]],
  acceptEthics:         [[ok, ok, ok, ok, NI],        [ok, ok, ok, ok, NI],         [SE, SE, SE, SE, NI]],
  askQuestion:          [[NK, NK, NL, OO, NI],        [NK, NK, ok, OO, NI],         [NK, NK, SE, OO, NI]],
  writeClientNote:      [[NC, ok, NC, NC, NI],        [NC, ok, NC, NC, NI],         [NC, ok, NC, NC, NI]],
  addStageNote:         [[NO, NO, NO, NL, NI],        [NO, NO, NO, ok, NI],         [NO, NO, NO, SE, NI]],
};

function expected(type: CommandType, phase: Lifecycle, actor: Actor): Outcome {
  const outcome = EXPECTED[type][PHASES.indexOf(phase)]?.[ACTORS.indexOf(actor)];
  if (outcome === undefined) throw new Error(`no expectation for ${type} ${phase} ${actor}`);
  return outcome;
}

const personJoined = (id: string): SessionEvent => ({
  type: 'personJoined',
  person: { id, displayName: id, role: 'consultant', presence: 'online' },
});

/**
 * The same group in each phase, built from events (facts `apply` takes as they come), so that the
 * fixture does not rest on the rules under test: a consultation under way even before the start.
 */
function sessionIn(phase: Lifecycle): SessionState {
  const events: SessionEvent[] = [
    personJoined('cli'),
    personJoined('con'),
    personJoined('obs'),
    { type: 'roleAssigned', personId: 'obs', role: 'observer' },
    {
      type: 'caseProposed',
      proposal: { id: 'case-1', authorId: 'cli', kind: 'problem', title: 'T', summary: '', at: T0 },
    },
    { type: 'caseChosen', caseId: 'case-1', consultationId: 'consultation-1', clientId: 'cli' },
  ];
  if (phase !== 'scheduled') events.push({ type: 'sessionStarted', at: T0 });
  if (phase === 'ended') events.push({ type: 'sessionEnded', at: T0 + MIN });
  return applyAll({ ...makeSession(), previous: PREVIOUS }, events);
}

/** One command of each type that frames the session, each valid for the facilitator below. */
const FRAME_SAMPLES: Partial<Record<CommandType, Command>> = {
  join: { type: 'join', displayName: 'Newcomer' },
  startSession: { type: 'startSession' },
  endSession: { type: 'endSession' },
  goToStage: { type: 'goToStage', fromIndex: 1, toIndex: 2 },
  undoStageChange: { type: 'undoStageChange', fromIndex: 1 },
  startTimer: { type: 'startTimer' },
  pauseTimer: { type: 'pauseTimer' },
  resumeTimer: { type: 'resumeTimer' },
  adjustTimer: { type: 'adjustTimer', deltaMs: MIN },
  resetTimer: { type: 'resetTimer' },
  setTimerAutoStart: { type: 'setTimerAutoStart', stageKeys: ['consultation'], isAutoTimed: true },
  setStageDurations: {
    type: 'setStageDurations',
    durations: [{ stageKey: 'clarification', plannedMs: 25 * MIN }],
  },
  addStage: {
    type: 'addStage',
    atIndex: 3,
    title: 'Pause café',
    plannedMs: 10 * MIN,
    floor: 'everyone',
  },
  removeStage: { type: 'removeStage', stageKey: 'break' },
  moveStage: { type: 'moveStage', stageKey: 'break', toIndex: 9 },
  assignRole: { type: 'assignRole', personId: 'con', role: 'observer' },
  handOverFacilitation: { type: 'handOverFacilitation', toPersonId: 'con' },
  removePerson: { type: 'removePerson', personId: 'con' },
  rename: { type: 'rename', displayName: 'Nouveau nom' },
  setPresence: { type: 'setPresence', presence: 'offline' },
  writeNote: { type: 'writeNote', text: 'une note' },
};

function sampleOf(type: CommandType, actor: Actor): Command {
  const sample = FRAME_SAMPLES[type] ?? CONTENT_SAMPLES[type]?.(actor);
  if (!sample) throw new Error(`no sample for ${type}`);
  return sample;
}

const CELLS = COMMAND_TYPES.flatMap((type) =>
  PHASES.flatMap((phase) => ACTORS.map((actor) => [type, phase, actor] as const)),
);

describe('[R45] who may send what, when: every command × role × phase', () => {
  it.each(CELLS)('can: %s in a %s session, by %s', (type, phase, actor) => {
    const outcome = expected(type, phase, actor);
    expect(can(sessionIn(phase), actor, type)).toEqual(
      outcome === true ? { ok: true } : { ok: false, reason: outcome },
    );
  });

  it.each(CELLS.filter(([type, phase, actor]) => expected(type, phase, actor) !== true))(
    'decide refuses %s in a %s session by %s as can does, whatever it carries',
    (type, phase, actor) => {
      const decision = decide(sessionIn(phase), sampleOf(type, actor), actor, T0 + MIN);
      expect(decision).toEqual({ ok: false, reason: expected(type, phase, actor) });
    },
  );

  it('covers every command type between the frame samples and the content ones', () => {
    const all = [...Object.keys(FRAME_SAMPLES), ...Object.keys(CONTENT_SAMPLES)].sort();
    expect(all).toEqual([...COMMAND_TYPES].sort());
  });
});

/** A session where every frame sample is acceptable in itself: a stage changed, timer per command. */
function sessionFor(command: Command): SessionState {
  const scheduled = command.type === 'startSession';
  let state = makeLiveSession();
  if (scheduled) {
    const { lifecycle: _l, ...rest } = state;
    state = {
      ...rest,
      lifecycle: 'scheduled',
      startedAt: null,
      plannedEndAt: null,
      stageStartedAt: null,
    };
  } else state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, T0);
  if (command.type === 'pauseTimer') state = run(state, 'fac', { type: 'startTimer' });
  if (command.type === 'resumeTimer') {
    state = run(state, 'fac', { type: 'startTimer' });
    state = run(state, 'fac', { type: 'pauseTimer' });
  }
  return state;
}

// The content commands, with a payload valid in a consultation, have their matrix in
// content.test.ts; these are the commands that frame the session.
describe('[R3] [R4] a valid frame command is accepted exactly where the table allows it', () => {
  const types = COMMAND_TYPES.filter((type) => FRAME_SAMPLES[type]);
  it.each(types.flatMap((type) => ACTORS.map((actor) => [type, actor] as const)))(
    '%s by %s',
    (type, actor) => {
      const sample = sampleOf(type, actor);
      const state = sessionFor(sample);
      // Presence must actually change, whatever the actor's current presence.
      const presence =
        state.people.find((p) => p.id === actor)?.presence === 'online' ? 'offline' : 'online';
      const command: Command = sample.type === 'setPresence' ? { ...sample, presence } : sample;
      const decision = decide(state, command, actor, T0 + MIN);
      expect(decision.ok ? true : decision.reason).toBe(expected(type, state.lifecycle, actor));
    },
  );
});
