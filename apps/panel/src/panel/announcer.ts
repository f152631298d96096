import { isCountingUp, remainingMs, type SessionView } from '@cercle/domain';

/** The last minute starts here: the moment worth saying out loud, with time up. */
export const LAST_MINUTE_MS = 60_000;

type TimerPhase = 'none' | 'normal' | 'lastMinute' | 'over';

export interface AnnouncerState {
  readonly stageIndex: number;
  readonly lifecycle: SessionView['lifecycle'];
  readonly phase: TimerPhase;
}

export type Announcement =
  | { readonly kind: 'stage' }
  | { readonly kind: 'ended' }
  | { readonly kind: 'lastMinute' }
  | { readonly kind: 'timeUp' };

function phaseOf(view: SessionView, now: number): TimerPhase {
  // A timer that counts up has no end to warn about [R70].
  if (isCountingUp(view.timer)) return 'none';
  const remaining = remainingMs(view.timer, now);
  if (remaining < 0) return 'over';
  return remaining <= LAST_MINUTE_MS ? 'lastMinute' : 'normal';
}

/**
 * What a screen reader should hear since the previous look at the view, if anything: a stage
 * change, the end, or a running timer crossing into its last minute or past zero. Called on every
 * refresh, it speaks once per crossing and never on the first look, which the page itself shows.
 */
export function nextAnnouncement(
  previous: AnnouncerState | null,
  view: SessionView,
  now: number,
): { state: AnnouncerState; announcement: Announcement | null } {
  const state: AnnouncerState = {
    stageIndex: view.currentStageIndex,
    lifecycle: view.lifecycle,
    phase: phaseOf(view, now),
  };
  if (!previous) return { state, announcement: null };
  if (state.lifecycle !== previous.lifecycle)
    return {
      state,
      announcement:
        state.lifecycle === 'ended'
          ? { kind: 'ended' }
          : state.lifecycle === 'live'
            ? { kind: 'stage' }
            : null,
    };
  if (state.stageIndex !== previous.stageIndex) return { state, announcement: { kind: 'stage' } };
  // A paused or idle timer changes only by the facilitator's hand: nothing to warn about.
  if (view.timer.status !== 'running' || state.phase === previous.phase)
    return { state, announcement: null };
  if (state.phase === 'over') return { state, announcement: { kind: 'timeUp' } };
  if (state.phase === 'lastMinute' && previous.phase === 'normal')
    return { state, announcement: { kind: 'lastMinute' } };
  return { state, announcement: null };
}
