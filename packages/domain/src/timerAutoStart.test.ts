import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { CLASSIC_SIX_STEPS } from './templates.ts';
import { expectRejected, MIN, makeLiveSession, makeSession, run, T0 } from './testing/builders.ts';
import { elapsedMs, isCountingUp, isOvertime, remainingMs, type Timer } from './timer.ts';

// The remote template: 0 inclusion 5 min, 5 contract (none), 6 consultation 40 min, 7 break (none).
const CONTRACT = 5;
const CONSULTATION = 6;

describe('[R70] a stage with no planned duration counts up', () => {
  it('started, its timer reads the time spent, never overtime', () => {
    let state = run(makeLiveSession(), 'fac', {
      type: 'goToStage',
      fromIndex: 0,
      toIndex: CONTRACT,
    });
    expect(state.timer).toEqual({ status: 'idle', durationMs: 0 });
    state = run(state, 'fac', { type: 'startTimer' }, T0 + MIN);
    expect(state.timer).toEqual({ status: 'running', durationMs: 0, endsAt: T0 + MIN });
    // timer, at → counting up, elapsed, overtime
    const expected: ReadonlyArray<[Timer, number, boolean, number, boolean]> = [
      [{ status: 'idle', durationMs: 0 }, T0, true, 0, false],
      [state.timer, T0 + MIN, true, 0, false],
      [state.timer, T0 + MIN + 3000, true, 3000, false],
      [state.timer, T0 + 61 * MIN, true, 60 * MIN, false],
      [{ status: 'paused', durationMs: 0, remainingMs: -90_000 }, T0, true, 90_000, false],
      // A countdown keeps its overtime.
      [{ status: 'running', durationMs: 5 * MIN, endsAt: T0 }, T0 + 3000, false, 3000, true],
      [{ status: 'idle', durationMs: 5 * MIN }, T0, false, 0, false],
    ];
    for (const [timer, at, countsUp, elapsed, overtime] of expected) {
      expect([isCountingUp(timer), elapsedMs(timer, at), isOvertime(timer, at)]).toEqual([
        countsUp,
        elapsed,
        overtime,
      ]);
    }
  });

  it('time added to it gives it a countdown from then on', () => {
    let state = run(makeLiveSession(), 'fac', {
      type: 'goToStage',
      fromIndex: 0,
      toIndex: CONTRACT,
    });
    state = run(state, 'fac', { type: 'startTimer' }, T0);
    state = run(state, 'fac', { type: 'adjustTimer', deltaMs: 2 * MIN }, T0 + MIN);
    expect(isCountingUp(state.timer)).toBe(false);
    expect(remainingMs(state.timer, T0 + MIN)).toBe(MIN);
  });

  it('a countdown whose time is taken away is overtime, not a count-up', () => {
    let state = run(makeLiveSession(), 'fac', { type: 'startTimer' }, T0);
    // Inclusion, 5 minutes: six minutes taken away while it runs, then while paused.
    for (let n = 0; n < 6; n++)
      state = run(state, 'fac', { type: 'adjustTimer', deltaMs: -MIN }, T0 + 1000);
    expect([isCountingUp(state.timer), isOvertime(state.timer, T0 + 2000)]).toEqual([false, true]);
    state = run(state, 'fac', { type: 'pauseTimer' }, T0 + 2000);
    state = run(state, 'fac', { type: 'adjustTimer', deltaMs: -MIN }, T0 + 3000);
    expect([isCountingUp(state.timer), isOvertime(state.timer, T0 + 3000)]).toEqual([false, true]);
  });
});

describe('[R71] a stage’s timer may start by itself when the stage starts', () => {
  it('the facilitator sets it for one stage or for every stage, before or during the session', () => {
    let state = makeSession({ people: ['cli'] });
    state = run(state, 'fac', {
      type: 'setTimerAutoStart',
      stageKeys: ['consultation'],
      isAutoTimed: true,
    });
    expect(state.stages.filter((s) => s.isAutoTimed).map((s) => s.key)).toEqual(['consultation']);
    const everyKey = state.stages.map((s) => s.key);
    state = run(state, 'fac', {
      type: 'setTimerAutoStart',
      stageKeys: everyKey,
      isAutoTimed: true,
    });
    expect(state.stages.every((s) => s.isAutoTimed)).toBe(true);
    state = run(state, 'fac', { type: 'startSession' });
    state = run(state, 'fac', {
      type: 'setTimerAutoStart',
      stageKeys: ['break'],
      isAutoTimed: false,
    });
    expect(state.stages.filter((s) => !s.isAutoTimed).map((s) => s.key)).toEqual(['break']);
  });

  it('refuses what is not the facilitator’s, an unknown stage, nothing, or no change', () => {
    const state = makeLiveSession();
    const on = {
      type: 'setTimerAutoStart',
      stageKeys: ['consultation'],
      isAutoTimed: true,
    } as const;
    // command by actor → outcome
    const expected: ReadonlyArray<[string, object, string]> = [
      ['cli', on, 'notFacilitator'],
      ['con', on, 'notFacilitator'],
      ['obs', on, 'notFacilitator'],
      ['fac', { ...on, stageKeys: ['nowhere'] }, 'unknownStage'],
      ['fac', { ...on, stageKeys: [] }, 'unchanged'],
      ['fac', { ...on, isAutoTimed: false }, 'unchanged'],
    ];
    for (const [actor, command, reason] of expected)
      expectRejected(state, actor, command as typeof on, reason as 'unchanged');
    const ended = run(state, 'fac', { type: 'endSession' });
    expectRejected(ended, 'fac', on, 'sessionEnded');
  });

  it('entering an auto-timed stage starts its timer at that moment, on every stage change', () => {
    let state = run(makeLiveSession(), 'fac', {
      type: 'setTimerAutoStart',
      stageKeys: ['consultation', 'contract'],
      isAutoTimed: true,
    });
    const at = T0 + 3 * MIN;
    const decision = decide(
      state,
      { type: 'goToStage', fromIndex: 0, toIndex: CONTRACT },
      'fac',
      at,
    );
    expect(decision).toEqual({
      ok: true,
      events: [
        { type: 'stageChanged', fromIndex: 0, toIndex: CONTRACT, at },
        { type: 'timerStarted', endsAt: at },
      ],
    });
    state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: CONTRACT }, at);
    // The contract has no duration: its automatic timer counts up.
    expect(state.timer).toEqual({ status: 'running', durationMs: 0, endsAt: at });
    state = run(
      state,
      'fac',
      { type: 'goToStage', fromIndex: CONTRACT, toIndex: CONSULTATION },
      at + MIN,
    );
    expect(state.timer).toEqual({ status: 'running', durationMs: 40 * MIN, endsAt: at + 41 * MIN });
    // A stage without the option waits for "Start"; undo brings the previous timer back.
    state = run(
      state,
      'fac',
      { type: 'goToStage', fromIndex: CONSULTATION, toIndex: 7 },
      at + 2 * MIN,
    );
    expect(state.timer).toEqual({ status: 'idle', durationMs: 0 });
    state = run(state, 'fac', { type: 'undoStageChange', fromIndex: 7 }, at + 3 * MIN);
    expect(state.timer).toEqual({ status: 'running', durationMs: 40 * MIN, endsAt: at + 41 * MIN });
  });

  it('the first stage’s timer starts with the session when it is auto-timed', () => {
    let state = makeSession({ template: CLASSIC_SIX_STEPS });
    state = run(state, 'fac', {
      type: 'setTimerAutoStart',
      stageKeys: ['expose'],
      isAutoTimed: true,
    });
    state = run(state, 'fac', { type: 'startSession' }, T0 + MIN);
    expect(state.timer).toEqual({ status: 'running', durationMs: 15 * MIN, endsAt: T0 + 16 * MIN });
    const plain = run(makeSession({ template: CLASSIC_SIX_STEPS }), 'fac', {
      type: 'startSession',
    });
    expect(plain.timer).toEqual({ status: 'idle', durationMs: 15 * MIN });
  });
});
