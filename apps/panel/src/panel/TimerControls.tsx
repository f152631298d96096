import type { Command, Timer } from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';

export function TimerControls({ timer, send }: { timer: Timer; send: (command: Command) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="button-row plain-fieldset" aria-label={t.timer.label}>
      {timer.status === 'idle' && (
        <button type="button" className="primary" onClick={() => send({ type: 'startTimer' })}>
          {t.timer.start}
        </button>
      )}
      {timer.status === 'running' && (
        <button type="button" onClick={() => send({ type: 'pauseTimer' })}>
          {t.timer.pause}
        </button>
      )}
      {timer.status === 'paused' && (
        <button type="button" className="primary" onClick={() => send({ type: 'resumeTimer' })}>
          {t.timer.resume}
        </button>
      )}
      <button type="button" onClick={() => send({ type: 'adjustTimer', deltaMs: 60_000 })}>
        {t.timer.plusMinute}
      </button>
      <button type="button" onClick={() => send({ type: 'adjustTimer', deltaMs: -60_000 })}>
        {t.timer.minusMinute}
      </button>
      <button type="button" onClick={() => send({ type: 'resetTimer' })}>
        {t.timer.reset}
      </button>
    </fieldset>
  );
}
