import { remainingMs, type Timer } from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';
import { formatRemaining, timerTone } from './formatRemaining.ts';

export function TimerDisplay({ timer, serverNow }: { timer: Timer; serverNow: number }) {
  const { t } = useI18n();
  const remaining = remainingMs(timer, serverNow);
  const tone = timerTone(remaining);
  const status =
    tone === 'overtime'
      ? t.timer.overtime
      : timer.status === 'paused'
        ? t.timer.paused
        : timer.status === 'idle'
          ? timer.durationMs === 0
            ? t.timer.noDuration
            : t.timer.notStarted
          : tone === 'lastMinute'
            ? t.timer.lastMinute
            : '';
  return (
    <div className={`timer timer--${tone} timer--${timer.status}`}>
      <span className="visually-hidden">{t.timer.label}</span>
      <output
        className="timer__value"
        data-testid="timer"
        data-tone={tone}
        data-status={timer.status}
        // This screen's correction to its own clock, so agreement between screens can be measured.
        data-clock-offset-ms={Math.round(serverNow - Date.now())}
      >
        {formatRemaining(remaining)}
      </output>
      <span className="timer__status" data-testid="timer-status">
        {status}
      </span>
    </div>
  );
}
