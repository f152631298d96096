import { describe, expect, it } from 'vitest';
import { apply, applyAll } from './apply.ts';
import type { Command, CommandType } from './command.ts';
import { decide } from './decide.ts';
import { INCLUSION_DECK } from './inclusionDeck.ts';
import { LIMITS } from './limits.ts';
import type { Rejection } from './rejection.ts';
import { currentConsultation, type SessionState, upgradeState } from './session.ts';
import { expectRejected, makeSession, run, T0 } from './testing/builders.ts';
import { CONTENT_SAMPLES, makeConsultingSession, PREVIOUS } from './testing/contentSamples.ts';
import { mulberry32 } from './testing/prng.ts';
import { KIND_VISIBILITIES } from './textKinds.ts';
import { applyToView, viewFor, visibleEvent } from './viewFor.ts';
import { TEXT_KINDS, type TextKind, type Visibility } from './visibility.ts';

const ACTORS = ['fac', 'cli', 'con', 'obs', 'stranger'] as const;
type Actor = (typeof ACTORS)[number];

/** Expected outcome per actor, in ACTORS order without the stranger (always notInSession). */
const EXPECTED: Partial<
  Record<CommandType, [true | Rejection, true | Rejection, true | Rejection, true | Rejection]>
> = {
  launchInclusion: [true, 'notFacilitator', 'notFacilitator', 'notFacilitator'],
  pickCard: [true, true, true, true],
  writeDebrief: ['notPreviousClient', 'notPreviousClient', true, 'notPreviousClient'],
  proposeCase: [true, true, true, 'observersObserve'],
  withdrawCase: ['notAuthor', 'notAuthor', true, 'notAuthor'],
  voteCase: [true, true, true, 'observersObserve'],
  chooseCase: [true, 'notFacilitator', 'notFacilitator', 'notFacilitator'],
  raiseHand: [true, true, true, 'observersObserve'],
  lowerHand: [true, 'notFacilitator', true, 'notFacilitator'],
  giveFloor: [true, 'notFacilitator', 'notFacilitator', 'notFacilitator'],
  startRound: [true, 'notFacilitator', 'notFacilitator', 'notFacilitator'],
  nextTurn: [true, 'notFacilitator', 'notFacilitator', 'notFacilitator'],
  flagAdvice: [true, 'notFacilitator', 'notFacilitator', 'notFacilitator'],
  writeContract: ['notClient', true, 'notClient', 'notClient'],
  postSuggestion: [true, 'clientListens', true, 'observersObserve'],
  sortSuggestion: ['notClient', true, 'notClient', 'notClient'],
  writeActionPlan: ['notClient', true, 'notClient', 'notClient'],
  writeLearnings: [true, true, true, true],
  evaluate: [true, true, true, true],
  writeObserverFeedback: ['notObserver', 'notObserver', 'notObserver', true],
  setVisibility: [true, true, true, true],
  eraseMyContent: [true, true, true, true],
  announceNextSession: [true, 'notFacilitator', 'notFacilitator', 'notFacilitator'],
  planSession: [true, 'notFacilitator', 'notFacilitator', 'notFacilitator'],
  acceptEthics: [true, true, true, true],
  askQuestion: ['notConsultant', 'notConsultant', true, 'observersObserve'],
  writeClientNote: ['notClient', true, 'notClient', 'notClient'],
  addStageNote: ['notObserver', 'notObserver', 'notObserver', true],
};

/** The consulting session, prepared so that each sample is acceptable in itself. */
function sessionFor(type: CommandType): SessionState {
  let state = makeConsultingSession();
  if (type === 'pickCard') state = run(state, 'fac', { type: 'launchInclusion' });
  if (type === 'lowerHand') state = run(state, 'con', { type: 'raiseHand' });
  if (type === 'nextTurn') state = run(state, 'fac', { type: 'startRound' });
  if (type === 'setVisibility' || type === 'eraseMyContent')
    for (const id of ['fac', 'cli', 'con', 'obs'])
      state = run(state, id, { type: 'writeLearnings', content: `by ${id}`, process: '' });
  return state;
}

describe('[R24] content permission matrix: every content command × every role', () => {
  const types = Object.keys(CONTENT_SAMPLES) as CommandType[];
  it.each(types.flatMap((type) => ACTORS.map((actor) => [type, actor] as const)))(
    '%s by %s',
    (type, actor: Actor) => {
      const sample = CONTENT_SAMPLES[type];
      const row = EXPECTED[type];
      if (!sample || !row) throw new Error(`no sample for ${type}`);
      const decision = decide(sessionFor(type), sample(actor), actor, T0 + 1000);
      const outcome = decision.ok ? true : decision.reason;
      const index = ACTORS.indexOf(actor);
      expect(outcome).toBe(actor === 'stranger' ? 'notInSession' : row[index]);
    },
  );

  it('has an expectation for every sample', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(CONTENT_SAMPLES).sort());
  });
});

describe('inclusion', () => {
  it('[R25] the facilitator launches the game once; everyone picks a card of the shipped deck', () => {
    let state = makeConsultingSession();
    expectRejected(state, 'con', { type: 'pickCard', cardId: 'sun' }, 'inclusionNotLaunched');
    state = run(state, 'fac', { type: 'launchInclusion' });
    expectRejected(state, 'fac', { type: 'launchInclusion' }, 'unchanged');
    expectRejected(state, 'con', { type: 'pickCard', cardId: 'joker' }, 'unknownCard');
    state = run(state, 'con', { type: 'pickCard', cardId: 'sun' });
    state = run(state, 'con', { type: 'pickCard', cardId: 'rocket' });
    state = run(state, 'obs', { type: 'pickCard', cardId: 'rocket' });
    expect(state.inclusion?.picks).toEqual({ con: 'rocket', obs: 'rocket' });
    expect(new Set(INCLUSION_DECK.map((c) => c.id)).size).toBe(INCLUSION_DECK.length);
    expect(INCLUSION_DECK.length).toBeGreaterThanOrEqual(12);
  });
});

describe('debrief of the previous session', () => {
  it('[R26] only the previous client records what they tried, even after the end', () => {
    let state = makeConsultingSession();
    expect(state.previous?.plan?.actions).toEqual(['Rencontrer chaque agent']);
    state = run(state, 'con', {
      type: 'writeDebrief',
      tried: 'Les entretiens',
      worked: 'Le climat',
      didNotWork: 'Le calendrier',
    });
    expect(state.debrief).toMatchObject({ authorId: 'con', visibility: 'group' });
    state = run(state, 'fac', { type: 'endSession' });
    run(state, 'con', { type: 'writeDebrief', tried: 'x', worked: '', didNotWork: '' });
    const fresh = makeSession({ people: ['con'] });
    expectRejected(
      fresh,
      'con',
      { type: 'writeDebrief', tried: 'x', worked: '', didNotWork: '' },
      'notPreviousClient',
    );
  });
});

describe('cases and the choice of subject', () => {
  it('[R27] a case has a kind among the 3 P, a one-line title and a short summary', () => {
    const state = makeConsultingSession();
    const propose = (kind: string, title: string, summary = '') =>
      decide(state, { type: 'proposeCase', kind, title, summary } as Command, 'con', T0);
    expect(propose('problem', 'Ok').ok).toBe(true);
    expect(propose('puzzle', 'Ok')).toEqual({ ok: false, reason: 'invalidChoice' });
    expect(propose('project', ' ')).toEqual({ ok: false, reason: 'invalidText' });
    expect(propose('project', '\u2066\u2069')).toEqual({ ok: false, reason: 'invalidText' });
    expect(propose('project', 'Ok', 'x'.repeat(2001))).toEqual({
      ok: false,
      reason: 'invalidText',
    });
  });

  it('[R28] one open vote each, changed or withdrawn at will; a withdrawn case loses its votes', () => {
    let state = makeConsultingSession();
    state = run(state, 'fac', { type: 'voteCase', caseId: 'case-2' });
    state = run(state, 'cli', { type: 'voteCase', caseId: 'case-2' });
    state = run(state, 'cli', { type: 'voteCase', caseId: null });
    expect(state.votes).toEqual({ fac: 'case-2' });
    expectRejected(state, 'fac', { type: 'voteCase', caseId: 'case-9' }, 'unknownCase');
    state = run(state, 'con', { type: 'withdrawCase', caseId: 'case-2' });
    expect(state.votes).toEqual({});
    expectRejected(state, 'cli', { type: 'withdrawCase', caseId: 'case-1' }, 'caseAlreadyChosen');
  });

  it('[R29] choosing a case opens a consultation whose client is its author, fixed', () => {
    let state = makeSession({ people: ['a', 'b', 'c'] });
    state = run(state, 'fac', { type: 'startSession' });
    state = run(state, 'a', { type: 'proposeCase', kind: 'problem', title: 'A', summary: '' });
    state = run(state, 'b', { type: 'proposeCase', kind: 'project', title: 'B', summary: '' });
    state = run(state, 'fac', { type: 'proposeCase', kind: 'project', title: 'F', summary: '' });
    state = run(state, 'c', { type: 'voteCase', caseId: 'case-1' });
    state = run(state, 'c', { type: 'raiseHand' });
    expectRejected(state, 'fac', { type: 'chooseCase', caseId: 'case-3' }, 'facilitatorKeepsRole');
    state = run(state, 'fac', { type: 'chooseCase', caseId: 'case-1' });
    expect(currentConsultation(state)).toMatchObject({ clientId: 'a', caseId: 'case-1' });
    expect(state.people.find((p) => p.id === 'a')?.role).toBe('client');
    expect(state.votes).toEqual({});
    expect(state.turns.hands).toEqual([]);
    expectRejected(state, 'fac', { type: 'chooseCase', caseId: 'case-1' }, 'caseAlreadyChosen');
    // [R40] A second consultation in the same session swaps the roles.
    state = run(state, 'fac', { type: 'chooseCase', caseId: 'case-2' });
    expect(state.consultations.map((c) => c.clientId)).toEqual(['a', 'b']);
    expect(state.people.find((p) => p.id === 'a')?.role).toBe('consultant');
    expect(state.people.find((p) => p.id === 'b')?.role).toBe('client');
  });
});

describe('turn-taking', () => {
  it('[R30] a round asks online consultants in joining order; raised hands wait in order', () => {
    let state = makeConsultingSession();
    state = run(state, 'obs', { type: 'setPresence', presence: 'offline' });
    state = run(state, 'fac', { type: 'startRound' });
    expect(state.turns).toEqual({ round: ['con'], speakerId: 'con', hands: [] });
    state = run(state, 'cli', { type: 'raiseHand' });
    expectRejected(state, 'cli', { type: 'raiseHand' }, 'handAlreadyRaised');
    state = run(state, 'fac', { type: 'raiseHand' });
    expect(state.turns.hands).toEqual(['cli', 'fac']);
    state = run(state, 'fac', { type: 'nextTurn' });
    expect(state.turns.speakerId).toBeNull();
    state = run(state, 'fac', { type: 'giveFloor', personId: 'cli' });
    expect(state.turns).toMatchObject({ speakerId: 'cli', hands: ['fac'] });
    expectRejected(state, 'cli', { type: 'lowerHand', personId: 'fac' }, 'notFacilitator');
    state = run(state, 'fac', { type: 'lowerHand', personId: 'fac' });
    expectRejected(state, 'fac', { type: 'lowerHand', personId: 'fac' }, 'handNotRaised');
  });
});

describe('questions rather than advice', () => {
  it('[R46] the facilitator flags a consultant’s question as advice in disguise, for the group to see', () => {
    let state = makeConsultingSession();
    state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 4 }, T0 + 1000);
    state = run(state, 'fac', { type: 'flagAdvice', personId: 'con' }, T0 + 2000);
    state = run(state, 'fac', { type: 'flagAdvice', personId: 'con' }, T0 + 3000);
    expect(state.adviceFlags).toEqual([
      {
        personId: 'con',
        consultationId: 'consultation-1',
        stageKey: 'clarification',
        at: T0 + 2000,
      },
      {
        personId: 'con',
        consultationId: 'consultation-1',
        stageKey: 'clarification',
        at: T0 + 3000,
      },
    ]);
    for (const reader of ['cli', 'con', 'obs', 'stranger'])
      expect(viewFor(state, reader).adviceFlags).toEqual(state.adviceFlags);
    expectRejected(state, 'fac', { type: 'flagAdvice', personId: 'cli' }, 'invalidChoice');
    expectRejected(state, 'fac', { type: 'flagAdvice', personId: 'obs' }, 'invalidChoice');
    expectRejected(state, 'fac', { type: 'flagAdvice', personId: 'nobody' }, 'unknownPerson');
    const noCase = run(makeSession({ people: ['con'] }), 'fac', { type: 'startSession' });
    expectRejected(noCase, 'fac', { type: 'flagAdvice', personId: 'con' }, 'noConsultation');
    // A flag is the facilitator's, not something the consultant wrote: erasing keeps it.
    state = run(state, 'con', { type: 'eraseMyContent' });
    expect(state.adviceFlags).toHaveLength(2);
  });

  it('[R46] at most so many flags in a session', () => {
    let state = makeConsultingSession();
    const flag = { personId: 'con', consultationId: 'consultation-1', stageKey: 'x', at: T0 };
    state = { ...state, adviceFlags: Array(LIMITS.adviceFlagsMax).fill(flag) };
    expectRejected(state, 'fac', { type: 'flagAdvice', personId: 'con' }, 'tooManyItems');
  });
});

describe('contract, suggestions and action plan', () => {
  it('[R31] the client writes the contract; help kinds are known, deduplicated and ordered', () => {
    let state = makeConsultingSession();
    state = run(state, 'cli', {
      type: 'writeContract',
      request: 'Repartir avec deux pistes',
      helpKinds: ['questions', 'ideas', 'ideas'],
    });
    expect(currentConsultation(state)?.contract?.helpKinds).toEqual(['ideas', 'questions']);
    expectRejected(
      state,
      'cli',
      { type: 'writeContract', request: 'x', helpKinds: ['magic' as never] },
      'invalidChoice',
    );
  });

  it('[R32] [R72] suggestions go to the client’s board; only the client sorts them, and nobody replies', () => {
    let state = makeConsultingSession();
    state = run(state, 'fac', { type: 'postSuggestion', text: 'Noté', visibility: 'group' });
    state = run(state, 'cli', {
      type: 'sortSuggestion',
      suggestionId: 'suggestion-3',
      sort: 'keep',
    });
    state = run(state, 'cli', {
      type: 'sortSuggestion',
      suggestionId: 'suggestion-4',
      sort: 'explore',
    });
    const board = currentConsultation(state)?.suggestions ?? [];
    const sorts = state.boardSorts['consultation-1']?.sorts ?? {};
    expect(board.map((s) => [s.authorId, sorts[s.id] ?? null])).toEqual([
      ['con', 'keep'],
      ['fac', 'explore'],
    ]);
    expectRejected(
      state,
      'con',
      { type: 'postSuggestion', text: '  ', visibility: 'group' },
      'invalidText',
    );
    expectRejected(
      state,
      'con',
      { type: 'postSuggestion', text: 'x', visibility: 'me' },
      'invalidVisibility',
    );
    const commands = CONTENT_SAMPLES as Record<string, unknown>;
    expect(Object.keys(commands).some((type) => /reply|answer|comment/i.test(type))).toBe(false);
  });

  it('[R33] the client writes an action plan: actions, a first step, a real date or none', () => {
    let state = makeConsultingSession();
    const plan = (byWhen: string | null, actions = ['Agir', ' ']) =>
      ({ type: 'writeActionPlan', actions, firstStep: 'Commencer', byWhen }) as const;
    expectRejected(state, 'cli', plan('2027-02-30'), 'invalidChoice');
    expectRejected(state, 'cli', plan('demain'), 'invalidChoice');
    expectRejected(state, 'cli', plan('2027-13-01'), 'invalidChoice');
    expectRejected(state, 'cli', plan('2027-04-31'), 'invalidChoice');
    run(state, 'cli', plan('2028-02-29'));
    expectRejected(state, 'cli', plan('2100-02-29'), 'invalidChoice');
    expectRejected(state, 'cli', plan(null, Array(11).fill('a')), 'tooManyItems');
    state = run(state, 'cli', plan('2027-02-28'));
    expect(currentConsultation(state)?.plan).toMatchObject({
      actions: ['Agir'],
      byWhen: '2027-02-28',
      visibility: 'group',
    });
  });
});

describe('learnings, evaluation, observer feedback', () => {
  it('[R34] evaluations stay their authors’; the group’s anonymous tally is public', () => {
    let state = makeConsultingSession();
    state = run(state, 'con', { type: 'evaluate', weather: 'sunny', rating: 5, comment: 'Merci' });
    state = run(state, 'obs', { type: 'evaluate', weather: 'cloudy', rating: 3, comment: '' });
    state = run(state, 'obs', { type: 'evaluate', weather: 'sunny', rating: 4, comment: '' });
    expect(state.evaluationTally).toEqual({ count: 2, ratingSum: 9, weathers: { sunny: 2 } });
    // Two answers are not a tally yet: each of the two would read the other's [R48].
    expect(viewFor(state, 'fac').evaluationTally.count).toBe(0);
    state = run(state, 'cli', { type: 'evaluate', weather: 'rainy', rating: 2, comment: '' });
    const facView = viewFor(state, 'fac');
    expect(facView.evaluations).toEqual({});
    expect(facView.evaluationTally).toEqual({
      count: 3,
      ratingSum: 11,
      weathers: { sunny: 2, rainy: 1 },
    });
    expectRejected(
      state,
      'con',
      { type: 'evaluate', weather: 'sunny', rating: 6, comment: '' },
      'invalidChoice',
    );
    expectRejected(
      state,
      'con',
      { type: 'evaluate', weather: 'sunny', rating: 2.5, comment: '' },
      'invalidChoice',
    );
  });

  it('[R35] only an observer fills the grid, marks 1 to 4', () => {
    const state = makeConsultingSession();
    const grid = (listening: number) =>
      ({
        type: 'writeObserverFeedback',
        listening,
        questionsOverAdvice: 1,
        clientFloor: 1,
        comment: '',
      }) as const;
    expectRejected(state, 'obs', grid(0), 'invalidChoice');
    expectRejected(state, 'obs', grid(5), 'invalidChoice');
    expect(run(state, 'obs', grid(4)).observerFeedback.obs?.visibility).toBe('me');
  });
});

/** Writes one text of `kind` by `author` with a unique secret, then sets its visibility. */
function withText(
  kind: TextKind,
  author: Actor,
  visibility: Visibility,
  secret: string,
): SessionState {
  let state = makeConsultingSession();
  const write: Record<TextKind, () => { actor: string; command: Command; id: string }> = {
    note: () => ({ actor: author, command: { type: 'writeNote', text: secret }, id: author }),
    debrief: () => ({
      actor: 'con',
      command: { type: 'writeDebrief', tried: secret, worked: '', didNotWork: '' },
      id: 'con',
    }),
    suggestion: () => ({
      actor: author,
      command: { type: 'postSuggestion', text: secret, visibility: 'group' },
      id: 'suggestion-4',
    }),
    actionPlan: () => ({
      actor: 'cli',
      command: { type: 'writeActionPlan', actions: [secret], firstStep: '', byWhen: null },
      id: 'consultation-1',
    }),
    learnings: () => ({
      actor: author,
      command: { type: 'writeLearnings', content: secret, process: '' },
      id: author,
    }),
    evaluation: () => ({
      actor: author,
      command: { type: 'evaluate', weather: 'rainy', rating: 2, comment: secret },
      id: author,
    }),
    boardSort: () => ({
      actor: 'cli',
      command: { type: 'sortSuggestion', suggestionId: 'suggestion-3', sort: 'keep' },
      id: 'consultation-1',
    }),
    observerFeedback: () => ({
      actor: 'obs',
      command: {
        type: 'writeObserverFeedback',
        listening: 1,
        questionsOverAdvice: 1,
        clientFloor: 1,
        comment: secret,
      },
      id: 'obs',
    }),
    clientNote: () => ({
      actor: 'cli',
      command: { type: 'writeClientNote', text: secret },
      id: 'consultation-1',
    }),
    stageNotes: () => ({
      actor: 'obs',
      command: { type: 'addStageNote', text: secret },
      id: 'obs',
    }),
  };
  const { actor, command, id } = write[kind]();
  state = run(state, actor, command);
  const current = (state.consultations[0]?.suggestions.find((s) => s.id === id) ?? null)
    ?.visibility;
  if (current !== visibility) {
    const decision = decide(
      state,
      { type: 'setVisibility', ref: { kind, id }, visibility },
      actor,
      T0,
    );
    if (decision.ok) state = applyAll(state, decision.events);
  }
  return state;
}

describe('[R36] visibility of every text for every role', () => {
  /** Who may write each kind in the consulting session. */
  const AUTHORS: Record<TextKind, Actor[]> = {
    note: ['fac', 'cli', 'con', 'obs'],
    debrief: ['con'],
    // The client posts nothing on their board [R72].
    suggestion: ['fac', 'con'],
    actionPlan: ['cli'],
    learnings: ['fac', 'cli', 'con', 'obs'],
    evaluation: ['fac', 'cli', 'con', 'obs'],
    observerFeedback: ['obs'],
    // A sort holds no words to find in a view: its readers are written out in board.test.ts.
    boardSort: [],
    clientNote: ['cli'],
    stageNotes: ['obs'],
  };
  const rows = TEXT_KINDS.flatMap((kind) =>
    KIND_VISIBILITIES[kind].flatMap((visibility) =>
      AUTHORS[kind].flatMap((author) =>
        ACTORS.map((viewer) => [kind, visibility, author, viewer] as const),
      ),
    ),
  );
  it.each(rows)('%s (%s) by %s, read by %s', (kind, visibility, author, viewer) => {
    const secret = `SECRET-${kind}-${author}`;
    const state = withText(kind, author, visibility, secret);
    const mayRead =
      viewer === author ||
      (viewer !== 'stranger' && visibility === 'group') ||
      (visibility === 'client' && viewer === 'cli');
    const json = JSON.stringify(viewFor(state, viewer));
    if (mayRead) expect(json).toContain(secret);
    else expect(json).not.toContain(secret);
  });
});

describe('[R37] views follow visibility changes event by event', () => {
  const VIEWERS = ['fac', 'cli', 'con', 'obs'];

  /** Applies each accepted command, checking every viewer's view rebuilds from visible events. */
  function replay(start: SessionState, steps: Array<[string, Command]>): SessionState {
    let state = start;
    const views = new Map(VIEWERS.map((v) => [v, viewFor(start, v)]));
    for (const [actor, command] of steps) {
      const decision = decide(state, command, actor, T0 + 1);
      if (!decision.ok) continue;
      for (const event of decision.events) {
        state = apply(state, event);
        for (const viewer of VIEWERS) {
          const visible = visibleEvent(event, viewer, state);
          const view = views.get(viewer);
          if (view && visible) views.set(viewer, applyToView(view, visible));
        }
      }
      // The item counter is the server's bookkeeping: a hidden suggestion moves it unseen.
      for (const viewer of VIEWERS)
        expect({ ...views.get(viewer), itemCount: 0 }, `${viewer} after ${command.type}`).toEqual({
          ...viewFor(state, viewer),
          itemCount: 0,
        });
    }
    return state;
  }

  it('shares and unshares notes, learnings, plans and suggestions', () => {
    replay(makeConsultingSession(), [
      ['obs', { type: 'writeNote', text: 'observations' }],
      ['obs', { type: 'setVisibility', ref: { kind: 'note', id: 'obs' }, visibility: 'group' }],
      ['obs', { type: 'writeNote', text: 'observations, suite' }],
      ['obs', { type: 'setVisibility', ref: { kind: 'note', id: 'obs' }, visibility: 'me' }],
      ['con', { type: 'postSuggestion', text: 'pour toi', visibility: 'client' }],
      ['cli', { type: 'sortSuggestion', suggestionId: 'suggestion-4', sort: 'drop' }],
      [
        'con',
        {
          type: 'setVisibility',
          ref: { kind: 'suggestion', id: 'suggestion-4' },
          visibility: 'group',
        },
      ],
      ['cli', { type: 'writeActionPlan', actions: ['a'], firstStep: 'b', byWhen: null }],
      [
        'cli',
        {
          type: 'setVisibility',
          ref: { kind: 'actionPlan', id: 'consultation-1' },
          visibility: 'me',
        },
      ],
      ['con', { type: 'evaluate', weather: 'sunny', rating: 5, comment: 'c' }],
      ['con', { type: 'eraseMyContent' }],
    ]);
  });

  it('holds for random sequences', () => {
    for (const seed of [7, 8, 9]) {
      const random = mulberry32(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const steps: Array<[string, Command]> = [];
      for (let i = 0; i < 300; i++) {
        const actor = pick(VIEWERS);
        const kind = pick(TEXT_KINDS);
        const sample = pick(Object.values(CONTENT_SAMPLES))?.(actor);
        const command: Command =
          random() < 0.35
            ? {
                type: 'setVisibility',
                ref: {
                  kind,
                  id:
                    kind === 'suggestion'
                      ? `suggestion-${1 + Math.floor(random() * 8)}`
                      : kind === 'actionPlan'
                        ? 'consultation-1'
                        : actor,
                },
                visibility: pick(KIND_VISIBILITIES[kind]),
              }
            : random() < 0.2
              ? { type: 'writeNote', text: `n${i}` }
              : (sample ?? { type: 'raiseHand' });
        steps.push([actor, command]);
      }
      replay(makeConsultingSession(), steps);
    }
  });
});

describe('erasing one’s data', () => {
  it('[R38] removes everything the person wrote or picked and recounts the tally', () => {
    let state = makeConsultingSession();
    state = run(state, 'fac', { type: 'launchInclusion' });
    state = run(state, 'cli', { type: 'pickCard', cardId: 'sun' });
    state = run(state, 'cli', { type: 'writeNote', text: 'SECRET' });
    state = run(state, 'cli', { type: 'writeContract', request: 'SECRET', helpKinds: [] });
    state = run(state, 'cli', { type: 'evaluate', weather: 'rainy', rating: 1, comment: 'SECRET' });
    state = run(state, 'con', { type: 'evaluate', weather: 'sunny', rating: 5, comment: '' });
    state = run(state, 'cli', { type: 'eraseMyContent' });
    expect(JSON.stringify(state)).not.toContain('SECRET');
    expect(state.cases.find((c) => c.id === 'case-1')).toMatchObject({ title: '', summary: '' });
    expect(state.evaluationTally).toEqual({ count: 1, ratingSum: 5, weathers: { sunny: 1 } });
    expect(state.inclusion?.picks).toEqual({});
    expectRejected(state, 'cli', { type: 'eraseMyContent' }, 'unchanged');
  });
});

describe('next session and stored sessions', () => {
  it('[R39] the facilitator announces the next session, even once this one has ended', () => {
    let state = run(makeConsultingSession(), 'fac', { type: 'endSession' });
    state = run(state, 'fac', { type: 'announceNextSession', sessionId: 'next' });
    expect(state.nextSessionId).toBe('next');
    expectRejected(
      state,
      'con',
      { type: 'postSuggestion', text: 'x', visibility: 'group' },
      'sessionEnded',
    );
  });

  it('[R43] the facilitator plans the session’s date and the cycle’s length', () => {
    let state = makeConsultingSession();
    const plan = (scheduledFor: string | null, cycleSessions: number | null) =>
      ({ type: 'planSession', scheduledFor, cycleSessions }) as const;
    expectRejected(state, 'fac', plan('2027-02-30', 6), 'invalidChoice');
    expectRejected(state, 'fac', plan(null, 0), 'invalidChoice');
    expectRejected(state, 'fac', plan(null, 25), 'invalidChoice');
    state = run(state, 'fac', plan('2027-01-12', 6));
    expect([state.scheduledFor, state.cycleSessions]).toEqual(['2027-01-12', 6]);
    expectRejected(state, 'fac', plan('2027-01-12', 6), 'unchanged');
    state = run(run(state, 'fac', { type: 'endSession' }), 'fac', plan(null, 6));
    expect(state.scheduledFor).toBeNull();
  });

  it('[R39] a snapshot saved before content existed reads as a session with none', () => {
    const state = makeConsultingSession();
    const old = {
      ...state,
      notes: { con: { text: 'old', updatedAt: T0 } },
    } as unknown as Record<string, unknown>;
    for (const key of ['groupId', 'cases', 'consultations', 'turns', 'previous', 'evaluationTally'])
      delete old[key];
    const upgraded = upgradeState(old as unknown as SessionState);
    expect(upgraded.groupId).toBe(state.id);
    expect(upgraded.notes.con).toEqual({
      authorId: 'con',
      text: 'old',
      updatedAt: T0,
      visibility: 'me',
    });
    expect(upgraded.consultations).toEqual([]);
    expect(viewFor(upgraded, 'fac').notes).toEqual({});
    expect(PREVIOUS.clientId).toBe('con');
  });
});
