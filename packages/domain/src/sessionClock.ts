import type { StageDuration } from './command.ts';
import type { SessionState } from './session.ts';
import { MINUTE_MS } from './stage.ts';
import { remainingMs } from './timer.ts';

export interface SessionClock {
  /** The end aimed for when the session started. */
  readonly plannedEndAt: number;
  /** When the session ends if the current stage ends on time and the rest run as planned. */
  readonly projectedEndAt: number;
  /** Positive when running late. */
  readonly lateByMs: number;
}

/** The session clock, once the session is live. */
export function sessionClock(state: SessionState, now: number): SessionClock | null {
  if (state.lifecycle !== 'live' || state.plannedEndAt === null) return null;
  const ahead = state.stages
    .slice(state.currentStageIndex + 1)
    .reduce((sum, stage) => sum + (stage.plannedMs ?? 0), 0);
  const projectedEndAt = now + Math.max(0, remainingMs(state.timer, now)) + ahead;
  return {
    plannedEndAt: state.plannedEndAt,
    projectedEndAt,
    lateByMs: projectedEndAt - state.plannedEndAt,
  };
}

export interface RebalanceProposal {
  readonly durations: readonly StageDuration[];
  /** Lateness these durations win back. */
  readonly recoveredMs: number;
  /** Lateness left when every stage ahead is at its minimum. */
  readonly stillLateMs: number;
}

/** No stage ahead is squeezed below this; a stage planned shorter keeps its own length. */
export const REBALANCE_MIN_STAGE_MS = 2 * MINUTE_MS;

/**
 * Proposes shorter durations, in whole minutes, for the timed stages still ahead so the session
 * ends on time again. Each gives back in proportion to its length. Null when not late.
 */
export function proposeRebalance(state: SessionState, now: number): RebalanceProposal | null {
  const clock = sessionClock(state, now);
  if (!clock || clock.lateByMs <= 0) return null;
  const ahead = state.stages
    .slice(state.currentStageIndex + 1)
    .filter((stage) => (stage.plannedMs ?? 0) > 0)
    .map((stage) => {
      const minutes = Math.floor((stage.plannedMs ?? 0) / MINUTE_MS);
      const floorMinutes = Math.min(minutes, REBALANCE_MIN_STAGE_MS / MINUTE_MS);
      return {
        key: stage.key,
        plannedMs: stage.plannedMs ?? 0,
        minutes,
        slack: minutes - floorMinutes,
      };
    });
  const totalSlack = ahead.reduce((sum, stage) => sum + stage.slack, 0);
  if (totalSlack === 0) return null;
  const lateMinutes = Math.ceil(clock.lateByMs / MINUTE_MS);
  const toCut = Math.min(lateMinutes, totalSlack);
  // Largest-remainder apportionment, so the cuts add up to exactly `toCut` minutes.
  const shares = ahead.map((stage) => (stage.slack * toCut) / totalSlack);
  const cuts = shares.map(Math.floor);
  let left = toCut - cuts.reduce((a, b) => a + b, 0);
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    cuts[index] = (cuts[index] ?? 0) + 1;
    left -= 1;
  }
  const durations = ahead
    .map((stage, index) => ({
      stageKey: stage.key,
      plannedMs: (stage.minutes - (cuts[index] ?? 0)) * MINUTE_MS,
      before: stage.plannedMs,
    }))
    .filter((d) => d.plannedMs !== d.before)
    .map(({ stageKey, plannedMs }) => ({ stageKey, plannedMs }));
  const recoveredMs =
    ahead.reduce((sum, stage) => sum + stage.plannedMs, 0) -
    ahead.reduce((sum, stage, index) => sum + (stage.minutes - (cuts[index] ?? 0)) * MINUTE_MS, 0);
  return { durations, recoveredMs, stillLateMs: Math.max(0, clock.lateByMs - recoveredMs) };
}
