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

export function isOvertime(timer: Timer, now: number): boolean {
  return remainingMs(timer, now) < 0;
}

/** Adds (or removes, when negative) time; an idle timer never goes below zero. */
export function adjustTimer(timer: Timer, deltaMs: number): Timer {
  switch (timer.status) {
    case 'idle':
      return { status: 'idle', durationMs: Math.max(0, timer.durationMs + deltaMs) };
    case 'running':
      return {
        ...timer,
        durationMs: Math.max(0, timer.durationMs + deltaMs),
        endsAt: timer.endsAt + deltaMs,
      };
    case 'paused':
      return {
        ...timer,
        durationMs: Math.max(0, timer.durationMs + deltaMs),
        remainingMs: timer.remainingMs + deltaMs,
      };
  }
}
