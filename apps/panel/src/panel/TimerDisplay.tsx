import type { Timer } from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';
import { readTimer } from './formatRemaining.ts';
import { useServerNow } from './useServerNow.ts';

export function TimerDisplay({
  timer,
  serverNow,
  isPulsing = false,
}: {
  timer: Timer;
  /** The server's time now, read at every tick of this clock alone. */
  serverNow: () => number;
  /** The end-of-time cue: a few gentle pulses (a still highlight where motion is reduced). */
  isPulsing?: boolean;
}) {
  const { t } = useI18n();
  const now = useServerNow(serverNow);
  // A stage with no time set counts up: the time spent, never an overtime [R70].
  const { text, tone } = readTimer(timer, now);
  const isElapsed = tone === 'elapsed';
  const status =
    tone === 'overtime'
      ? t.timer.overtime
      : timer.status === 'paused'
        ? t.timer.paused
        : timer.status === 'idle'
          ? isElapsed
            ? t.timer.noDuration
            : t.timer.notStarted
          : tone === 'lastMinute'
            ? t.timer.lastMinute
            : isElapsed
              ? t.timer.elapsed
              : '';
  return (
    <div
      className={`timer timer--${tone} timer--${timer.status}${isPulsing ? ' timer--pulse' : ''}`}
      data-testid="timer-box"
      data-cue={isPulsing ? 'pulse' : undefined}
    >
      <span className="visually-hidden">
        {isElapsed ? `${t.timer.label}, ${t.timer.elapsed}` : t.timer.label}
      </span>
      {/* role=timer is not a live region: the seconds are read on demand, never every second;
          the announcer speaks at the last minute and at time up. */}
      <span
        role="timer"
        className="timer__value"
        data-testid="timer"
        data-tone={tone}
        data-status={timer.status}
        // This screen's correction to its own clock, so agreement between screens can be measured.
        data-clock-offset-ms={Math.round(now - Date.now())}
      >
        {text}
      </span>
      <span className="timer__status" data-testid="timer-status">
        {status}
      </span>
    </div>
  );
}
