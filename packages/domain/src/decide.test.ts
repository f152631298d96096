import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { LIMITS } from './limits.ts';
import { findPerson } from './session.ts';
import { CLASSIC_SIX_STEPS, REMOTE_TWO_HOURS } from './templates.ts';
import { expectRejected, MIN, makeLiveSession, makeSession, run, T0 } from './testing/builders.ts';

describe('session and roster', () => {
  it('[R1] a new session is scheduled, at its first stage, with its creator as facilitator', () => {
    const state = makeSession();
    expect(state.lifecycle).toBe('scheduled');
    expect(state.stages).toEqual(REMOTE_TWO_HOURS.stages);
    expect(state.currentStageIndex).toBe(0);
    expect(state.timer).toEqual({ status: 'idle', durationMs: 5 * MIN });
    expect(state.people).toEqual([
      { id: 'fac', displayName: 'Awa', role: 'facilitator', presence: 'offline' },
    ]);
  });

  it('[R2] a newcomer joins as an online consultant under a trimmed name', () => {
    const state = run(makeSession(), 'bo', { type: 'join', displayName: '  Bo  ' });
    expect(findPerson(state, 'bo')).toEqual({
      id: 'bo',
      displayName: 'Bo',
      role: 'consultant',
      presence: 'online',
    });
  });

  it('[R2] [R47] nobody joins twice, with a bad name, an ended session or a full one', () => {
    const state = makeSession({ people: ['bo'] });
    expectRejected(state, 'bo', { type: 'join', displayName: 'Bo' }, 'alreadyJoined');
    expectRejected(state, 'x', { type: 'join', displayName: '   ' }, 'invalidText');
    expectRejected(state, 'x', { type: 'join', displayName: '\u200B\u0007' }, 'invalidText');
    expectRejected(state, 'x', { type: 'join', displayName: 'x'.repeat(61) }, 'invalidText');
    // A line break or a control is cleaned away rather than refused: the name is what is left.
    expect(
      run(state, 'x', { type: 'join', displayName: 'a\nb\u0007' }).people.at(-1),
    ).toMatchObject({ displayName: 'a b' });
    const ended = run(state, 'fac', { type: 'endSession' });
    expectRejected(ended, 'x', { type: 'join', displayName: 'Late' }, 'sessionEnded');
    const full = makeSession({
      people: Array.from({ length: LIMITS.peopleMax - 1 }, (_, i) => `p${i}`),
    });
    expectRejected(full, 'x', { type: 'join', displayName: 'One too many' }, 'sessionFull');
  });

  it('[R4] a member renames themselves and sets their presence; an outsider cannot', () => {
    let state = makeSession({ people: ['bo'] });
    state = run(state, 'bo', { type: 'rename', displayName: 'Bo B.' });
    state = run(state, 'bo', { type: 'setPresence', presence: 'offline' });
    expect(findPerson(state, 'bo')).toMatchObject({ displayName: 'Bo B.', presence: 'offline' });
    expectRejected(state, 'stranger', { type: 'rename', displayName: 'Eve' }, 'notInSession');
    expectRejected(state, 'stranger', { type: 'writeNote', text: 'hi' }, 'notInSession');
  });
});

describe('lifecycle', () => {
  it('[R5] scheduled, then live once, then ended', () => {
    let state = makeSession();
    state = run(state, 'fac', { type: 'startSession' }, T0 + 1000);
    expect(state).toMatchObject({
      lifecycle: 'live',
      startedAt: T0 + 1000,
      stageStartedAt: T0 + 1000,
    });
    expectRejected(state, 'fac', { type: 'startSession' }, 'sessionAlreadyStarted');
    state = run(state, 'fac', { type: 'endSession' }, T0 + 2000);
    expect(state).toMatchObject({ lifecycle: 'ended', endedAt: T0 + 2000 });
  });

  it('[R5] an ended session accepts only presence and notes', () => {
    let state = makeLiveSession();
    state = run(state, 'fac', { type: 'startTimer' }, T0);
    state = run(state, 'fac', { type: 'endSession' }, T0 + MIN);
    expect(state.timer).toEqual({ status: 'paused', durationMs: 5 * MIN, remainingMs: 4 * MIN });
    expectRejected(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, 'sessionEnded');
    expectRejected(state, 'fac', { type: 'endSession' }, 'sessionEnded');
    expectRejected(state, 'con', { type: 'rename', displayName: 'Con' }, 'sessionEnded');
    run(state, 'obs', { type: 'writeNote', text: 'après la séance' });
    run(state, 'con', { type: 'setPresence', presence: 'offline' });
  });

  it('[R5] a session can be ended before it starts', () => {
    expect(run(makeSession(), 'fac', { type: 'endSession' }).lifecycle).toBe('ended');
  });
});

describe('stages', () => {
  it('[R6] the stage changes only while live, from the stage the facilitator saw', () => {
    expectRejected(
      makeSession(),
      'fac',
      { type: 'goToStage', fromIndex: 0, toIndex: 1 },
      'sessionNotLive',
    );
    const state = makeLiveSession();
    const moved = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 });
    // The same click again, from a second tab: refused, no stage skipped.
    expectRejected(moved, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, 'staleStage');
    expectRejected(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 0 }, 'sameStage');
    expectRejected(
      state,
      'fac',
      { type: 'goToStage', fromIndex: 0, toIndex: 11 },
      'stageOutOfRange',
    );
    expectRejected(
      state,
      'fac',
      { type: 'goToStage', fromIndex: 0, toIndex: -1 },
      'stageOutOfRange',
    );
  });

  it('[R7] a stage change leaves the timer idle with the new planned duration', () => {
    let state = run(makeLiveSession(), 'fac', { type: 'startTimer' });
    state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 4 }, T0 + MIN);
    expect(state.timer).toEqual({ status: 'idle', durationMs: 20 * MIN });
    expect(state.stageStartedAt).toBe(T0 + MIN);
    state = run(state, 'fac', { type: 'goToStage', fromIndex: 4, toIndex: 5 });
    expect(state.timer).toEqual({ status: 'idle', durationMs: 0 });
  });

  it('[R8] the last stage change is undone once, restoring stage, timer and start time', () => {
    let state = run(makeLiveSession(), 'fac', { type: 'startTimer' }, T0);
    const before = state;
    state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, T0 + MIN);
    expectRejected(state, 'fac', { type: 'undoStageChange', fromIndex: 0 }, 'staleStage');
    state = run(state, 'fac', { type: 'undoStageChange', fromIndex: 1 }, T0 + 2 * MIN);
    expect(state.currentStageIndex).toBe(0);
    expect(state.timer).toEqual(before.timer);
    expect(state.stageStartedAt).toBe(before.stageStartedAt);
    expectRejected(state, 'fac', { type: 'undoStageChange', fromIndex: 0 }, 'nothingToUndo');
  });

  it('[R8] editing the stage list forgets the undo point', () => {
    let state = run(makeLiveSession(), 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 });
    state = run(state, 'fac', { type: 'moveStage', stageKey: 'break', toIndex: 9 });
    expectRejected(state, 'fac', { type: 'undoStageChange', fromIndex: 1 }, 'nothingToUndo');
  });

  it('[R12] durations are whole positive milliseconds up to 4 h, or none; an idle timer follows', () => {
    let state = makeLiveSession();
    state = run(state, 'fac', {
      type: 'setStageDurations',
      durations: [
        { stageKey: 'inclusion', plannedMs: 7 * MIN },
        { stageKey: 'contract', plannedMs: 5 * MIN },
        { stageKey: 'break', plannedMs: null },
      ],
    });
    expect(state.stages.find((s) => s.key === 'contract')?.plannedMs).toBe(5 * MIN);
    expect(state.timer).toEqual({ status: 'idle', durationMs: 7 * MIN });
    const started = run(state, 'fac', { type: 'startTimer' }, T0);
    const changed = run(started, 'fac', {
      type: 'setStageDurations',
      durations: [{ stageKey: 'inclusion', plannedMs: 3 * MIN }],
    });
    expect(changed.timer).toEqual(started.timer);
    for (const plannedMs of [0, -1, 1.5, LIMITS.stageDurationMaxMs + 1])
      expectRejected(
        state,
        'fac',
        { type: 'setStageDurations', durations: [{ stageKey: 'expose', plannedMs }] },
        'invalidDuration',
      );
    expectRejected(
      state,
      'fac',
      { type: 'setStageDurations', durations: [{ stageKey: 'nope', plannedMs: MIN }] },
      'unknownStage',
    );
  });

  it('[R13] added stages get unique custom keys and, live, come after the current stage', () => {
    let state = makeSession({ template: CLASSIC_SIX_STEPS });
    const add = {
      type: 'addStage',
      title: ' Météo ',
      plannedMs: 5 * MIN,
      floor: 'everyone',
    } as const;
    state = run(state, 'fac', { ...add, atIndex: 0 });
    state = run(state, 'fac', { ...add, atIndex: 7 });
    expect(state.stages[0]).toMatchObject({ key: 'custom-1', title: { fr: 'Météo', en: 'Météo' } });
    expect(state.stages[7]?.key).toBe('custom-2');
    expect(state.currentStageIndex).toBe(1);
    state = run(state, 'fac', { type: 'startSession' });
    expectRejected(state, 'fac', { ...add, atIndex: 1 }, 'stageOutOfRange');
    expectRejected(state, 'fac', { ...add, atIndex: 9 }, 'stageOutOfRange');
    expectRejected(state, 'fac', { ...add, atIndex: 2, title: ' ' }, 'invalidText');
    expectRejected(state, 'fac', { ...add, atIndex: 2, plannedMs: 0 }, 'invalidDuration');
    let full = makeSession();
    while (full.stages.length < LIMITS.stagesMax) full = run(full, 'fac', { ...add, atIndex: 0 });
    expectRejected(full, 'fac', { ...add, atIndex: 0 }, 'tooManyStages');
  });

  it('[R14] stages are removed ahead of the current one, never the last one', () => {
    let state = makeSession({ template: CLASSIC_SIX_STEPS });
    state = run(state, 'fac', { type: 'removeStage', stageKey: 'expose' });
    expect(state.stages[0]?.key).toBe('clarification');
    expect(state.timer).toEqual({ status: 'idle', durationMs: 20 * MIN });
    state = run(state, 'fac', { type: 'startSession' });
    state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 });
    expectRejected(
      state,
      'fac',
      { type: 'removeStage', stageKey: 'contract' },
      'cannotRemoveCurrentStage',
    );
    expectRejected(
      state,
      'fac',
      { type: 'removeStage', stageKey: 'clarification' },
      'cannotRemoveCurrentStage',
    );
    expectRejected(state, 'fac', { type: 'removeStage', stageKey: 'nope' }, 'unknownStage');
    state = run(state, 'fac', { type: 'removeStage', stageKey: 'synthesis' });
    expect(state.stages.map((s) => s.key)).toEqual([
      'clarification',
      'contract',
      'consultation',
      'regulation',
    ]);
    let single = makeSession({ template: CLASSIC_SIX_STEPS });
    for (const key of ['expose', 'clarification', 'contract', 'consultation', 'synthesis'])
      single = run(single, 'fac', { type: 'removeStage', stageKey: key });
    expectRejected(
      single,
      'fac',
      { type: 'removeStage', stageKey: 'regulation' },
      'cannotRemoveLastStage',
    );
  });

  it('[R15] live, only stages ahead move, and the current stage stays current', () => {
    let state = run(makeLiveSession(), 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 2 });
    state = run(state, 'fac', { type: 'moveStage', stageKey: 'break', toIndex: 3 });
    expect(state.stages[3]?.key).toBe('break');
    expect(state.stages[state.currentStageIndex]?.key).toBe('subjectChoice');
    expectRejected(
      state,
      'fac',
      { type: 'moveStage', stageKey: 'break', toIndex: 2 },
      'stageOutOfRange',
    );
    expectRejected(
      state,
      'fac',
      { type: 'moveStage', stageKey: 'inclusion', toIndex: 5 },
      'stageOutOfRange',
    );
    expectRejected(state, 'fac', { type: 'moveStage', stageKey: 'break', toIndex: 3 }, 'unchanged');
    const before = run(makeSession(), 'fac', {
      type: 'moveStage',
      stageKey: 'inclusion',
      toIndex: 3,
    });
    expect(before.stages[before.currentStageIndex]?.key).toBe('inclusion');
  });
});

describe('roles', () => {
  it('[R16] at most one client: a new client makes the previous one a consultant', () => {
    let state = makeLiveSession();
    state = run(state, 'fac', { type: 'assignRole', personId: 'con', role: 'client' });
    expect(findPerson(state, 'con')?.role).toBe('client');
    expect(findPerson(state, 'cli')?.role).toBe('consultant');
    expect(state.people.filter((p) => p.role === 'client')).toHaveLength(1);
  });

  it('[R16] any number of observers; the facilitator keeps their role', () => {
    let state = makeLiveSession();
    state = run(state, 'fac', { type: 'assignRole', personId: 'con', role: 'observer' });
    expect(state.people.filter((p) => p.role === 'observer')).toHaveLength(2);
    expectRejected(
      state,
      'fac',
      { type: 'assignRole', personId: 'fac', role: 'client' },
      'facilitatorKeepsRole',
    );
    expectRejected(
      state,
      'fac',
      { type: 'assignRole', personId: 'ghost', role: 'client' },
      'unknownPerson',
    );
  });

  it('[R17] hand-over makes another person the one facilitator', () => {
    let state = makeLiveSession();
    state = run(state, 'fac', { type: 'handOverFacilitation', toPersonId: 'cli' });
    expect(findPerson(state, 'cli')?.role).toBe('facilitator');
    expect(findPerson(state, 'fac')?.role).toBe('consultant');
    expect(state.people.filter((p) => p.role === 'facilitator')).toHaveLength(1);
    expect(state.people.filter((p) => p.role === 'client')).toHaveLength(0);
    expectRejected(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, 'notFacilitator');
    expectRejected(
      state,
      'cli',
      { type: 'handOverFacilitation', toPersonId: 'cli' },
      'alreadyFacilitator',
    );
    expectRejected(
      state,
      'cli',
      { type: 'handOverFacilitation', toPersonId: 'nobody' },
      'unknownPerson',
    );
  });
});

describe('notes and no-ops', () => {
  it('[R18] anyone writes their own note, within the limits', () => {
    let state = makeLiveSession();
    state = run(state, 'obs', { type: 'writeNote', text: 'ligne 1\n\tligne 2' }, T0 + 5);
    expect(state.notes.obs).toMatchObject({ text: 'ligne 1\n\tligne 2', updatedAt: T0 + 5 });
    expectRejected(
      state,
      'obs',
      { type: 'writeNote', text: 'x'.repeat(LIMITS.noteMaxChars + 1) },
      'invalidText',
    );
    expectRejected(state, 'obs', { type: 'writeNote', text: 'nul \u0000' }, 'invalidText');
    run(makeSession({ people: ['bo'] }), 'bo', { type: 'writeNote', text: 'avant le début' });
  });

  it('[R20] a command that changes nothing is refused as unchanged', () => {
    const state = run(makeLiveSession(), 'obs', { type: 'writeNote', text: 'n' });
    expectRejected(state, 'obs', { type: 'writeNote', text: 'n' }, 'unchanged');
    expectRejected(state, 'con', { type: 'rename', displayName: 'con' }, 'unchanged');
    expectRejected(state, 'con', { type: 'setPresence', presence: 'online' }, 'unchanged');
    expectRejected(
      state,
      'fac',
      { type: 'assignRole', personId: 'cli', role: 'client' },
      'unchanged',
    );
    expectRejected(state, 'fac', { type: 'setStageDurations', durations: [] }, 'unchanged');
  });

  it('[R23] decide is pure: the same inputs give the same answer', () => {
    const state = makeLiveSession();
    const command = { type: 'goToStage', fromIndex: 0, toIndex: 3 } as const;
    const before = JSON.stringify(state);
    expect(decide(state, command, 'fac', T0)).toEqual(decide(state, command, 'fac', T0));
    expect(JSON.stringify(state)).toBe(before);
  });
});
