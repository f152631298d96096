/**
 * A stage timer stored as absolute times so it never ticks over the wire:
 * every screen derives the same remaining time from `endsAt` and its corrected clock.
 */
export type Timer =
  | { readonly status: 'idle'; readonly durationMs: number }
  | { readonly status: 'running'; readonly durationMs: number; readonly endsAt: number }
  | { readonly status: 'paused'; readonly durationMs: number; readonly remainingMs: number };

export type TimerStatus = Timer['status'];

export function idleTimer(durationMs: number | null): Timer {
  return { status: 'idle', durationMs: durationMs ?? 0 };
}

/** Remaining time at `now`; negative once the stage runs over. */
export function remainingMs(timer: Timer, now: number): number {
  switch (timer.status) {
    case 'idle':
      return timer.durationMs;
    case 'running':
      return timer.endsAt - now;
    case 'paused':
      return timer.remainingMs;
  }
}

/**
 * A timer with no time set — its stage has no planned duration and none was added — counts up:
 * it shows the time spent, never an overtime [R70].
 */
export function isCountingUp(timer: Timer): boolean {
  return timer.durationMs === 0;
}

/** Time spent on a counting-up timer at `now`: zero until it starts [R70]. */
export function elapsedMs(timer: Timer, now: number): number {
  return Math.max(0, -remainingMs(timer, now));
}

/** Running past its time; a counting-up timer never is [R70]. */
export function isOvertime(timer: Timer, now: number): boolean {
  return !isCountingUp(timer) && remainingMs(timer, now) < 0;
}

/** Adds (or removes, when negative) time; an idle timer never goes below zero. */
export function adjustTimer(timer: Timer, deltaMs: number): Timer {
  // A started countdown stays one: taking its time away makes it overtime, not a count-up [R70].
  const floor = timer.status !== 'idle' && timer.durationMs > 0 ? 1 : 0;
  const durationMs = Math.max(floor, timer.durationMs + deltaMs);
  switch (timer.status) {
    case 'idle':
      return { status: 'idle', durationMs };
    case 'running':
      return { ...timer, durationMs, endsAt: timer.endsAt + deltaMs };
    case 'paused':
      return { ...timer, durationMs, remainingMs: timer.remainingMs + deltaMs };
  }
}
