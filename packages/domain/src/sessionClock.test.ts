import { describe, expect, it } from 'vitest';
import { proposeRebalance, sessionClock } from './sessionClock.ts';
import { MIN, makeLiveSession, makeSession, run, T0 } from './testing/builders.ts';

describe('session clock', () => {
  it('[R21] planned end is fixed at the start; projected end follows the current stage', () => {
    expect(sessionClock(makeSession(), T0)).toBeNull();
    let state = makeLiveSession();
    expect(state.plannedEndAt).toBe(T0 + 115 * MIN);
    expect(sessionClock(state, T0)).toEqual({
      plannedEndAt: T0 + 115 * MIN,
      projectedEndAt: T0 + 115 * MIN,
      lateByMs: 0,
    });
    state = run(state, 'fac', { type: 'startTimer' }, T0);
    // Inclusion ran 8 minutes instead of 5.
    expect(sessionClock(state, T0 + 8 * MIN)?.lateByMs).toBe(3 * MIN);
    // Skipping ahead early makes the session early.
    state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, T0 + 2 * MIN);
    expect(sessionClock(state, T0 + 2 * MIN)?.lateByMs).toBe(-3 * MIN);
  });

  it('[R22] no proposal while on time', () => {
    expect(proposeRebalance(makeLiveSession(), T0)).toBeNull();
  });

  it('[R22] proposes whole-minute cuts, in proportion, that win the lateness back', () => {
    const state = run(makeLiveSession(), 'fac', { type: 'startTimer' }, T0);
    const proposal = proposeRebalance(state, T0 + 15 * MIN);
    if (!proposal) throw new Error('expected a proposal');
    expect(proposal.recoveredMs).toBe(10 * MIN);
    expect(proposal.stillLateMs).toBe(0);
    for (const { plannedMs } of proposal.durations) expect((plannedMs ?? 0) % MIN).toBe(0);
    const cut = (key: string) => {
      const before = state.stages.find((s) => s.key === key)?.plannedMs ?? 0;
      const after = proposal.durations.find((d) => d.stageKey === key)?.plannedMs ?? before;
      return (before - after) / MIN;
    };
    // Consultation (40 min) gives back more than synthesis (5 min).
    expect(cut('consultation')).toBeGreaterThan(cut('synthesis'));
    const applied = run(state, 'fac', { type: 'setStageDurations', durations: proposal.durations });
    expect(sessionClock(applied, T0 + 15 * MIN)?.lateByMs).toBe(0);
  });

  it('[R22] never below two minutes a stage; says what stays late', () => {
    const state = run(makeLiveSession(), 'fac', { type: 'startTimer' }, T0);
    const proposal = proposeRebalance(state, T0 + 200 * MIN);
    if (!proposal) throw new Error('expected a proposal');
    for (const { plannedMs } of proposal.durations)
      expect(plannedMs).toBeGreaterThanOrEqual(2 * MIN);
    expect(proposal.stillLateMs).toBeGreaterThan(0);
    expect(proposal.recoveredMs + proposal.stillLateMs).toBe(195 * MIN);
  });
});
