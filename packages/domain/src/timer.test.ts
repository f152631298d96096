import { describe, expect, it } from 'vitest';
import { expectRejected, MIN, makeLiveSession, makeSession, run, T0 } from './testing/builders.ts';
import { adjustTimer, idleTimer, isOvertime, remainingMs } from './timer.ts';

describe('timer', () => {
  it('[R9] start, pause and resume keep absolute times', () => {
    let state = run(makeLiveSession(), 'fac', { type: 'startTimer' }, T0);
    expect(state.timer).toEqual({ status: 'running', durationMs: 5 * MIN, endsAt: T0 + 5 * MIN });
    state = run(state, 'fac', { type: 'pauseTimer' }, T0 + 2 * MIN);
    expect(state.timer).toEqual({ status: 'paused', durationMs: 5 * MIN, remainingMs: 3 * MIN });
    state = run(state, 'fac', { type: 'resumeTimer' }, T0 + 10 * MIN);
    expect(state.timer).toEqual({ status: 'running', durationMs: 5 * MIN, endsAt: T0 + 13 * MIN });
  });

  it('[R9] each timer command only from the state it expects, and only live', () => {
    const live = makeLiveSession();
    expectRejected(makeSession(), 'fac', { type: 'startTimer' }, 'sessionNotLive');
    expectRejected(live, 'fac', { type: 'pauseTimer' }, 'timerNotRunning');
    expectRejected(live, 'fac', { type: 'resumeTimer' }, 'timerNotPaused');
    const running = run(live, 'fac', { type: 'startTimer' });
    expectRejected(running, 'fac', { type: 'startTimer' }, 'timerAlreadyStarted');
    expectRejected(running, 'fac', { type: 'resumeTimer' }, 'timerNotPaused');
    for (const deltaMs of [0, 0.5, 61 * MIN, -61 * MIN])
      expectRejected(running, 'fac', { type: 'adjustTimer', deltaMs }, 'invalidDuration');
  });

  it('[R9] adjust moves the end; reset goes back to the planned duration', () => {
    let state = run(makeLiveSession(), 'fac', { type: 'startTimer' }, T0);
    state = run(state, 'fac', { type: 'adjustTimer', deltaMs: MIN });
    expect(state.timer).toEqual({ status: 'running', durationMs: 6 * MIN, endsAt: T0 + 6 * MIN });
    state = run(state, 'fac', { type: 'pauseTimer' }, T0 + MIN);
    state = run(state, 'fac', { type: 'adjustTimer', deltaMs: -2 * MIN });
    expect(state.timer).toEqual({ status: 'paused', durationMs: 4 * MIN, remainingMs: 3 * MIN });
    state = run(state, 'fac', { type: 'resetTimer' });
    expect(state.timer).toEqual({ status: 'idle', durationMs: 5 * MIN });
  });

  it('[R10] remaining time is derived and goes negative in overtime, without moving the stage', () => {
    const state = run(makeLiveSession(), 'fac', { type: 'startTimer' }, T0);
    expect(remainingMs(state.timer, T0 + MIN)).toBe(4 * MIN);
    expect(remainingMs(state.timer, T0 + 7 * MIN)).toBe(-2 * MIN);
    expect(isOvertime(state.timer, T0 + 7 * MIN)).toBe(true);
    expect(state.currentStageIndex).toBe(0);
    expect(remainingMs({ status: 'paused', durationMs: MIN, remainingMs: -5000 }, T0)).toBe(-5000);
    expect(remainingMs(idleTimer(null), T0)).toBe(0);
  });

  it('[R11] an idle timer never goes below zero', () => {
    expect(adjustTimer(idleTimer(MIN), -5 * MIN)).toEqual({ status: 'idle', durationMs: 0 });
    let state = run(makeLiveSession(), 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 5 });
    state = run(state, 'fac', { type: 'adjustTimer', deltaMs: -MIN });
    expect(state.timer).toEqual({ status: 'idle', durationMs: 0 });
    state = run(state, 'fac', { type: 'adjustTimer', deltaMs: 3 * MIN });
    expect(state.timer).toEqual({ status: 'idle', durationMs: 3 * MIN });
  });
});
