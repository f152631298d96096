import { describe, expect, it } from 'vitest';
import type { Command } from './command.ts';
import { decide } from './decide.ts';
import { isListeningOver } from './listening.ts';
import { type SessionState, upgradeState } from './session.ts';
import { CLASSIC_SIX_STEPS } from './templates.ts';
import { expectRejected, makeSession, run, T0 } from './testing/builders.ts';
import { makeConsultingSession } from './testing/contentSamples.ts';
import { viewFor, visibleEvent } from './viewFor.ts';

// The remote template: 6 consultation, 7 break, 8 synthesis, 9 learnings.
const SYNTHESIS = 8;
const share: Command = {
  type: 'setVisibility',
  ref: { kind: 'boardSort', id: 'consultation-1' },
  visibility: 'group',
};
const keep: Command = { type: 'sortSuggestion', suggestionId: 'suggestion-3', sort: 'keep' };

/** The consulting session (suggestion-3 by `con`) at stage `toIndex`, `cli` having kept it. */
function sortedAt(toIndex: number): SessionState {
  let state = makeConsultingSession();
  if (toIndex !== 0) state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex });
  return run(state, 'cli', keep);
}

const sortSeenBy = (state: SessionState, reader: string) =>
  viewFor(state, reader).boardSorts['consultation-1']?.sorts['suggestion-3'] ?? null;

describe('[R72] the client listens: they post nothing on the board', () => {
  it('posting, for the group or for the client only, by each role', () => {
    const state = makeConsultingSession();
    // actor, visibility → outcome
    const expected: ReadonlyArray<[string, 'group' | 'client', true | string]> = [
      ['fac', 'group', true],
      ['fac', 'client', true],
      ['con', 'group', true],
      ['con', 'client', true],
      ['cli', 'group', 'clientListens'],
      ['cli', 'client', 'clientListens'],
      ['obs', 'group', 'observersObserve'],
    ];
    for (const [actor, visibility, outcome] of expected) {
      const decision = decide(
        state,
        { type: 'postSuggestion', text: 'Non, déjà essayé', visibility },
        actor,
        T0,
      );
      expect([actor, visibility, decision.ok || decision.reason]).toEqual([
        actor,
        visibility,
        outcome,
      ]);
    }
  });

  it('the client of a later consultation listens in turn; the former client advises again', () => {
    let state = makeConsultingSession();
    state = run(state, 'fac', { type: 'chooseCase', caseId: 'case-2' });
    expectRejected(
      state,
      'con',
      { type: 'postSuggestion', text: 'x', visibility: 'group' },
      'clientListens',
    );
    run(state, 'cli', { type: 'postSuggestion', text: 'Une piste', visibility: 'group' });
  });
});

describe('[R73] the client’s sort is theirs until they share it at the synthesis', () => {
  it('who reads the sort, stage by stage, before and after the client shares it', () => {
    // stage, shared → what fac, cli, con, obs and a stranger read of suggestion-3's sort
    const expected: ReadonlyArray<[number, boolean, ReadonlyArray<string | null>]> = [
      [6, false, [null, 'keep', null, null, null]],
      [7, false, [null, 'keep', null, null, null]],
      [SYNTHESIS, false, [null, 'keep', null, null, null]],
      [SYNTHESIS, true, ['keep', 'keep', 'keep', 'keep', null]],
      [9, true, ['keep', 'keep', 'keep', 'keep', null]],
    ];
    for (const [stage, isShared, readers] of expected) {
      const sorted = sortedAt(stage);
      const state = isShared ? run(sorted, 'cli', share) : sorted;
      const seen = ['fac', 'cli', 'con', 'obs', 'stranger'].map((r) => sortSeenBy(state, r));
      expect([stage, isShared, seen]).toEqual([stage, isShared, readers]);
    }
  });

  it('sharing is refused while the client listens, accepted from the synthesis and after the end', () => {
    // stage → outcome of the client sharing their sort
    const expected: ReadonlyArray<[number, true | string]> = [
      [0, 'clientListens'],
      [5, 'clientListens'],
      [6, 'clientListens'],
      [7, 'clientListens'],
      [SYNTHESIS, true],
      [9, true],
      [10, true],
    ];
    for (const [stage, outcome] of expected) {
      const decision = decide(sortedAt(stage), share, 'cli', T0);
      expect([stage, decision.ok || decision.reason]).toEqual([stage, outcome]);
    }
    const ended = run(sortedAt(6), 'fac', { type: 'endSession' });
    expect(decide(ended, share, 'cli', T0).ok).toBe(true);
    // Only its author shares it; taking it back to `me` is never refused.
    expectRejected(sortedAt(SYNTHESIS), 'con', share, 'notAuthor');
    const shared = run(sortedAt(SYNTHESIS), 'cli', share);
    const back = run(
      run(shared, 'fac', { type: 'goToStage', fromIndex: SYNTHESIS, toIndex: 6 }),
      'cli',
      {
        ...share,
        visibility: 'me',
      } as Command,
    );
    expect(sortSeenBy(back, 'con')).toBe(null);
  });

  it('when the listening is over, in plans with and without a synthesis stage', () => {
    let classic = run(makeSession({ template: CLASSIC_SIX_STEPS }), 'fac', {
      type: 'startSession',
    });
    // classic: 0 exposé, 1 clarification, 2 contract, 3 consultation, 4 synthesis, 5 regulation
    const overAt: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      if (i > 0) classic = run(classic, 'fac', { type: 'goToStage', fromIndex: i - 1, toIndex: i });
      overAt.push(isListeningOver(classic));
    }
    expect(overAt).toEqual([false, false, false, false, true, true]);
    let bare = run(makeSession({ template: CLASSIC_SIX_STEPS }), 'fac', {
      type: 'removeStage',
      stageKey: 'synthesis',
    });
    expect(isListeningOver(bare)).toBe(false);
    bare = run(bare, 'fac', { type: 'startSession' });
    bare = run(bare, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 3 });
    expect(isListeningOver(bare)).toBe(false);
    bare = run(bare, 'fac', { type: 'goToStage', fromIndex: 3, toIndex: 4 });
    expect(isListeningOver(bare)).toBe(true);
  });

  it('a sort reaches only those who read the client’s sort now', () => {
    const listening = sortedAt(6);
    const event = {
      type: 'suggestionSorted',
      consultationId: 'consultation-1',
      suggestionId: 'suggestion-3',
      sort: 'drop',
    } as const;
    const reached = (state: SessionState) =>
      ['fac', 'cli', 'con', 'obs'].map((r) => visibleEvent(event, r, state) !== null);
    expect(reached(listening)).toEqual([false, true, false, false]);
    const shared = run(sortedAt(SYNTHESIS), 'cli', share);
    expect(reached(shared)).toEqual([true, true, true, true]);
  });

  it('the suggestions themselves carry no sort, and erasing the client’s data takes their sort', () => {
    const state = sortedAt(6);
    expect(JSON.stringify(state.consultations)).not.toContain('keep');
    const erased = run(state, 'cli', { type: 'eraseMyContent' });
    expect(erased.boardSorts).toEqual({});
  });

  it('sorts stored on suggestions before this rule become the client’s own, private', () => {
    const state = makeConsultingSession();
    const consultation = state.consultations[0];
    if (!consultation) throw new Error('no consultation');
    const stored = {
      ...state,
      boardSorts: undefined,
      consultations: [
        {
          ...consultation,
          suggestions: consultation.suggestions.map((s) => ({ ...s, sort: 'explore' })),
        },
      ],
    } as unknown as SessionState;
    const upgraded = upgradeState(stored);
    expect(upgraded.boardSorts).toEqual({
      'consultation-1': {
        authorId: 'cli',
        consultationId: 'consultation-1',
        sorts: { 'suggestion-3': 'explore' },
        visibility: 'me',
      },
    });
    expect(upgraded.consultations[0]?.suggestions[0]).not.toHaveProperty('sort');
    expect(sortSeenBy(upgraded, 'con')).toBe(null);
  });
});
