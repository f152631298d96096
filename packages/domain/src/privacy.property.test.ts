import { describe, expect, it } from 'vitest';
import { apply } from './apply.ts';
import type { Command } from './command.ts';
import { contributionsOf } from './contributions.ts';
import { cycleDashboard } from './cycle.ts';
import { decide } from './decide.ts';
import { EVENT_TYPES, type SessionEvent } from './event.ts';
import type { SessionState } from './session.ts';
import { sessionSummary } from './summary.ts';
import { MIN, makeSession, T0 } from './testing/builders.ts';
import { PREVIOUS } from './testing/contentSamples.ts';
import { mulberry32 } from './testing/prng.ts';
import { everyText } from './textKinds.ts';
import {
  applyToView,
  isPublicEvent,
  type SessionView,
  STAGE_VIEWER_ID,
  viewFor,
  visibleEvent,
} from './viewFor.ts';
import { TEXT_KINDS, VISIBILITIES } from './visibility.ts';

/**
 * The privacy property [R19] [R36] [R37] [R44]: for every reader, what a panel rebuilds from the
 * frames it receives — live, and replayed from the start against the session as it is now —
 * is exactly that reader's view, and no frame holds a version of a text the reader may not read
 * at the time it is sent. Every text written carries a unique token (`S<n>`), so a version that
 * leaks is found by name. Replay a run with `SEED=n`.
 */

const STEPS = 600;
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
const SEEDS = env?.SEED ? [Number(env.SEED)] : [1, 2, 3, 4, 5, 6, 7, 8];

const MEMBERS = ['fac', 'cli', 'con', 'obs'] as const;
/** `late` joins during the run; the other two never do: a stranger and the meeting's stage. */
const READERS = [...MEMBERS, 'late', 'stranger', STAGE_VIEWER_ID] as const;

/** The session as created (seq 0): a previous consultation whose plan is private to `con`. */
function createdSession(): SessionState {
  const state = makeSession();
  const plan = PREVIOUS.plan && { ...PREVIOUS.plan, visibility: 'me' as const };
  return { ...state, previous: { ...PREVIOUS, plan }, pastClientIds: ['con'] };
}

/** The first commands of every run: people join, an observer, the start, `cli`'s case chosen. */
const OPENING: ReadonlyArray<[string, Command]> = [
  ['cli', { type: 'join', displayName: 'cli' }],
  ['con', { type: 'join', displayName: 'con' }],
  ['obs', { type: 'join', displayName: 'obs' }],
  ['fac', { type: 'assignRole', personId: 'obs', role: 'observer' }],
  ['fac', { type: 'startSession' }],
  ['cli', { type: 'proposeCase', kind: 'problem', title: 'Cas', summary: '' }],
  ['fac', { type: 'chooseCase', caseId: 'case-1' }],
];

function randomStep(state: SessionState, random: () => number, n: number): [string, Command] {
  const opening = OPENING[n];
  if (opening) return opening;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const people = state.people.map((p) => p.id);
  const actor = random() < 0.03 ? pick(['late', 'stranger']) : pick(people);
  const secret = `S${n}`;
  const someone = () => pick([...people, 'late']);
  const itemId = () => `suggestion-${1 + Math.floor(random() * (state.itemCount + 1))}`;
  const consultationId = () => pick([...state.consultations.map((c) => c.id), 'previous']);
  const visibility = () => pick(VISIBILITIES);
  const generators: Array<() => Command> = [
    () => ({ type: 'join', displayName: 'Lou' }),
    () => ({ type: 'rename', displayName: pick(['Zoé', 'Yann']) }),
    () => ({ type: 'setPresence', presence: pick(['online', 'offline'] as const) }),
    () => ({ type: 'assignRole', personId: someone(), role: pick(['consultant', 'observer']) }),
    () => ({
      type: 'goToStage',
      fromIndex: state.currentStageIndex,
      // The synthesis (8) and after, where the client may share their sort [R73].
      toIndex: pick([1, 4, 6, 8, 9]),
    }),
    () => ({
      type: 'setTimerAutoStart',
      stageKeys: pick([['contract'], ['consultation', 'synthesis']]),
      isAutoTimed: random() < 0.7,
    }),
    () => ({ type: 'undoStageChange', fromIndex: state.currentStageIndex }),
    () => ({ type: 'startTimer' }),
    () => ({ type: 'pauseTimer' }),
    () => ({ type: 'resumeTimer' }),
    () => ({ type: 'adjustTimer', deltaMs: MIN }),
    () => ({ type: 'resetTimer' }),
    () => ({ type: 'setStageDurations', durations: [{ stageKey: 'break', plannedMs: MIN }] }),
    () => ({ type: 'addStage', atIndex: 10, title: 'Pause', plannedMs: null, floor: 'everyone' }),
    () => ({ type: 'removeStage', stageKey: pick(['break', 'custom-1']) }),
    () => ({ type: 'moveStage', stageKey: 'break', toIndex: pick([8, 9]) }),
    () => ({ type: 'writeNote', text: secret }),
    () => ({ type: 'writeNote', text: secret }),
    () => ({ type: 'launchInclusion' }),
    () => ({ type: 'pickCard', cardId: pick(['sun', 'rocket']) }),
    () => ({ type: 'writeDebrief', tried: secret, worked: '', didNotWork: '' }),
    () => ({ type: 'proposeCase', kind: 'project', title: `Case ${n}`, summary: '' }),
    () => ({ type: 'withdrawCase', caseId: pick([...state.cases.map((c) => c.id), 'case-1']) }),
    () => ({ type: 'voteCase', caseId: pick([null, 'case-1', 'case-2']) }),
    () => ({ type: 'chooseCase', caseId: `case-${1 + Math.floor(random() * 6)}` }),
    () => ({ type: 'raiseHand' }),
    () => ({ type: 'lowerHand', personId: someone() }),
    () => ({ type: 'giveFloor', personId: pick([null, someone()]) }),
    () => ({ type: 'startRound' }),
    () => ({ type: 'nextTurn' }),
    () => ({ type: 'flagAdvice', personId: someone() }),
    () => ({ type: 'askQuestion', text: `Question ${n}` }),
    () => ({
      type: 'flagAdvice',
      personId: someone(),
      questionId: `question-${1 + Math.floor(random() * (state.itemCount + 1))}`,
    }),
    () => ({ type: 'writeClientNote', text: secret }),
    () => ({ type: 'writeClientNote', text: secret }),
    () => ({ type: 'addStageNote', text: secret }),
    () => ({ type: 'addStageNote', text: secret }),
    () => ({ type: 'writeContract', request: `Request ${n}`, helpKinds: ['ideas'] }),
    () => ({ type: 'postSuggestion', text: secret, visibility: visibility() }),
    () => ({ type: 'postSuggestion', text: secret, visibility: visibility() }),
    () => ({ type: 'sortSuggestion', suggestionId: itemId(), sort: pick([null, 'keep', 'drop']) }),
    () => ({ type: 'writeActionPlan', actions: [secret], firstStep: '', byWhen: null }),
    () => ({ type: 'writeLearnings', content: secret, process: '' }),
    () => ({ type: 'evaluate', weather: 'sunny', rating: 1 + (n % 5), comment: secret }),
    () => ({
      type: 'writeObserverFeedback',
      listening: 1,
      questionsOverAdvice: 2,
      clientFloor: 3,
      comment: secret,
    }),
    () => ({ type: 'announceNextSession', sessionId: `next-${n}` }),
    () => ({ type: 'planSession', scheduledFor: null, cycleSessions: 1 + (n % 6) }),
    () => ({ type: 'acceptEthics' }),
  ];
  // Visibility changes, of every kind to every visibility, are what the property is about.
  if (random() < 0.3) {
    const kind = pick(TEXT_KINDS);
    const byConsultation = kind === 'actionPlan' || kind === 'clientNote' || kind === 'boardSort';
    const id = kind === 'suggestion' ? itemId() : byConsultation ? consultationId() : actor;
    return [actor, { type: 'setVisibility', ref: { kind, id }, visibility: visibility() }];
  }
  // The client sorts their board and shares the sort, or tries to, while listening (the
  // consultation, 6) and from the synthesis (8) on [R73].
  const board = state.consultations[state.consultations.length - 1];
  if (board && random() < 0.08) {
    const roll = random();
    if (roll < 0.15) {
      const toIndex = pick([6, 8]);
      if (toIndex !== state.currentStageIndex)
        return ['fac', { type: 'goToStage', fromIndex: state.currentStageIndex, toIndex }];
    }
    const suggestionId = pick([...board.suggestions.map((s) => s.id), itemId()]);
    if (roll < 0.6)
      return [board.clientId, { type: 'sortSuggestion', suggestionId, sort: pick([null, 'keep']) }];
    const visibility = state.boardSorts[board.id]?.visibility === 'group' ? 'me' : 'group';
    return [
      board.clientId,
      { type: 'setVisibility', ref: { kind: 'boardSort', id: board.id }, visibility },
    ];
  }
  if (random() < 0.02) return [actor, { type: 'eraseMyContent' }];
  if (random() < 0.02) return ['late', { type: 'join', displayName: 'Lou' }];
  if (state.timer.status === 'paused' && random() < 0.2) return ['fac', { type: 'resumeTimer' }];
  // Ending comes late, so that most of a run explores a live session and its end is explored too.
  if (n > STEPS * 0.8 && random() < 0.01) return ['fac', { type: 'endSession' }];
  if (random() < 0.01) return [actor, { type: 'handOverFacilitation', toPersonId: someone() }];
  // Late in a run, so that the people removed have written, shared and been shared with first.
  if (n > STEPS / 2 && random() < 0.01)
    return [actor, { type: 'removePerson', personId: someone() }];
  return [actor, pick(generators)()];
}

/** The item counter is the server's bookkeeping: a suggestion hidden from a reader moves it unseen. */
const comparable = (view: SessionState) => ({ ...view, itemCount: 0 });
const secretsIn = (value: unknown) => new Set(JSON.stringify(value).match(/\bS\d+\b/g) ?? []);

/** The first secret in `frame` that `view` does not hold, if any. */
function leakedSecret(frame: SessionEvent, view: SessionState): string | undefined {
  const readable = secretsIn(view);
  return [...secretsIn(frame)].find((secret) => !readable.has(secret));
}

interface Run {
  readonly start: SessionState;
  readonly final: SessionState;
  readonly log: readonly SessionEvent[];
}

/** Runs one seed, checking every reader's live panel after each command; returns the log. */
function runSeed(seed: number): Run {
  const random = mulberry32(seed);
  const start = createdSession();
  let state = start;
  const log: SessionEvent[] = [];
  const panels = new Map<string, SessionView>(READERS.map((r) => [r, viewFor(start, r)]));
  for (let n = 0; n < STEPS; n++) {
    const [actor, command] = randomStep(state, random, n);
    const now = T0 + (n + 1) * 1000;
    const decision = decide(state, command, actor, now);
    if (!decision.ok) continue;
    const where = `seed ${seed} step ${n}: ${command.type} by ${actor} (SEED=${seed} to replay)`;
    for (const event of decision.events) state = apply(state, event);
    log.push(...decision.events);
    // As the room broadcasts: each event judged against the state after the whole command.
    for (const reader of READERS) {
      let view = panels.get(reader) as SessionView;
      for (const event of decision.events) {
        const frame = visibleEvent(event, reader, state);
        if (isPublicEvent(event)) expect(frame, `${where}: public ${event.type}`).toEqual(event);
        if (!frame) continue;
        expect(leakedSecret(frame, viewFor(state, reader)), `${where}: to ${reader}`).toBe(
          undefined,
        );
        view = applyToView(view, frame);
      }
      // Joining is followed by a hello, which brings the newcomer a fresh view; removal closes
      // the removed person's panels, and any hello they say after it starts from nothing.
      if (
        decision.events.some(
          (e) =>
            (e.type === 'personJoined' && e.person.id === reader) ||
            (e.type === 'personRemoved' && e.personId === reader),
        )
      )
        view = viewFor(state, reader);
      panels.set(reader, view);
      expect(comparable(view), `${where}: ${reader}'s live panel`).toEqual(
        comparable(viewFor(state, reader)),
      );
    }
  }
  return { start, final: state, log };
}

/**
 * A panel that says hello with `lastSeq: 0`: the whole log, judged against the state now. It
 * starts from the reader's view of the session as created, judged like every replayed frame by
 * who is in the session now: the plan carried over from the last session is in no event, and a
 * member who joined later reads it as much as one who was there at seq 0.
 */
function checkReplay({ start, final, log }: Run, seed: number): void {
  for (const reader of READERS) {
    let view = { ...viewFor({ ...start, people: final.people }, reader), people: start.people };
    const expected = viewFor(final, reader);
    log.forEach((event, seq) => {
      const frame = visibleEvent(event, reader, final);
      if (!frame) return;
      const leaked = leakedSecret(frame, expected);
      expect(leaked, `seed ${seed}: replayed ${event.type} #${seq + 1} to ${reader}`).toBe(
        undefined,
      );
      view = applyToView(view, frame);
    });
    expect(comparable(view), `seed ${seed}: ${reader}'s replayed panel`).toEqual(
      comparable(expected),
    );
  }
}

/**
 * What a person takes away — their summary (Markdown, and the printable page and file links made
 * from it), their data export, the cycle page — holds no text they may not read now.
 */
function checkFiles({ final }: Run, seed: number): void {
  for (const reader of READERS) {
    const readable = secretsIn(viewFor(final, reader));
    // Their own texts too, whatever became of their seat: their data outlives it [R49].
    const own = everyText(final).filter((found) => found.text.authorId === reader);
    for (const secret of secretsIn(own.map((found) => found.text))) readable.add(secret);
    const files = {
      summaryFr: sessionSummary(final, reader, 'fr', String),
      summaryEn: sessionSummary(final, reader, 'en', String),
      myData: contributionsOf(final, reader),
      cycle: cycleDashboard([final], reader),
    };
    for (const [name, file] of Object.entries(files)) {
      const leaked = [...secretsIn(file)].find((secret) => !readable.has(secret));
      expect(leaked, `seed ${seed}: ${reader}'s ${name}`).toBe(undefined);
    }
  }
}

describe('[R19] [R36] [R37] [R44] privacy property: frames rebuild each reader’s view, and only it; files hold no more', () => {
  const recorded = new Set<string>();

  it.each(SEEDS)('seed %i', (seed) => {
    const result = runSeed(seed);
    for (const event of result.log) {
      recorded.add(event.type);
      // A client's sort shared with the group, then sorted on: the case [R73] adds.
      if (event.type === 'visibilityChanged' && event.ref.kind === 'boardSort')
        recorded.add(`boardSort:${event.visibility}`);
    }
    checkReplay(result, seed);
    checkFiles(result, seed);
    expect(result.log.length, `seed ${seed}: too few events to mean much`).toBeGreaterThan(
      STEPS / 6,
    );
  });

  it('the seeds together record every event type decide can record', () => {
    if (env?.SEED) return;
    const neverRecorded = ['textShown', 'textHidden'];
    const missing = EVENT_TYPES.filter((t) => !neverRecorded.includes(t) && !recorded.has(t));
    expect([...recorded].filter((t) => t.startsWith('boardSort:')).sort()).toEqual([
      'boardSort:group',
      'boardSort:me',
    ]);
    expect(missing).toEqual([]);
  });
});

describe('seeds that once failed, kept by name', () => {
  // Before visibility was judged as of now, this run replayed to the facilitator a note its
  // author had shared and then taken back (noteWritten #8, token S10).
  it('[R44] seed 3: a note taken back is replayed to nobody else', () => {
    checkReplay(runSeed(3), 3);
  });
});
