/** m:ss, with a minus sign in overtime. Seconds round up so "0:00" shows only once time is up. */
export function formatRemaining(remainingMs: number): string {
  const isOver = remainingMs < 0;
  const totalSeconds = isOver ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${isOver ? '−' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}

export type TimerTone = 'normal' | 'lastMinute' | 'overtime';

export function timerTone(remainingMs: number): TimerTone {
  if (remainingMs < 0) return 'overtime';
  if (remainingMs <= 60_000) return 'lastMinute';
  return 'normal';
}
