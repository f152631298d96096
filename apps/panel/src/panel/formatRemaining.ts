import { elapsedMs, isCountingUp, remainingMs, type Timer } from '@cercle/domain';

/** m:ss, with a minus sign in overtime. Seconds round up so "0:00" shows only once time is up. */
export function formatRemaining(remainingMs: number): string {
  const isOver = remainingMs < 0;
  const totalSeconds = isOver ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${isOver ? '−' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** m:ss of time spent, for a timer that counts up [R70]: whole seconds gone by. */
export function formatElapsed(elapsedMs: number): string {
  const totalSeconds = Math.floor(Math.max(0, elapsedMs) / 1000);
  return `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;
}

/** `elapsed`: a timer that counts up, neutral whatever its time [R70]. */
export type TimerTone = 'normal' | 'lastMinute' | 'overtime' | 'elapsed';

export function timerTone(remainingMs: number): TimerTone {
  if (remainingMs < 0) return 'overtime';
  if (remainingMs <= 60_000) return 'lastMinute';
  return 'normal';
}

/** What a timer reads at `now`: time left, or time spent where it counts up [R70]. */
export function readTimer(timer: Timer, now: number): { text: string; tone: TimerTone } {
  if (isCountingUp(timer)) return { text: formatElapsed(elapsedMs(timer, now)), tone: 'elapsed' };
  const remaining = remainingMs(timer, now);
  return { text: formatRemaining(remaining), tone: timerTone(remaining) };
}
