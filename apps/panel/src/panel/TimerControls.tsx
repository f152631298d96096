import type { Command, SessionView } from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';
import { facilitatorCommands } from './facilitatorCommands.ts';
import { useShortcutHint } from './useShortcutHint.ts';

export function TimerControls({
  view,
  send,
}: {
  view: SessionView;
  send: (command: Command) => void;
}) {
  const { t } = useI18n();
  const hint = useShortcutHint();
  const commands = facilitatorCommands(view);
  const status = view.timer.status;
  const toggleLabel =
    status === 'idle' ? t.timer.start : status === 'running' ? t.timer.pause : t.timer.resume;
  return (
    <fieldset className="button-row plain-fieldset" aria-label={t.timer.label}>
      <button
        type="button"
        className={status === 'running' ? undefined : 'primary'}
        onClick={() => commands.timer && send(commands.timer)}
        {...hint('timer', toggleLabel)}
      >
        {toggleLabel}
      </button>
      <button
        type="button"
        onClick={() => commands.plusMinute && send(commands.plusMinute)}
        {...hint('plusMinute', t.timer.plusMinute)}
      >
        {t.timer.plusMinute}
      </button>
      <button
        type="button"
        onClick={() => commands.minusMinute && send(commands.minusMinute)}
        {...hint('minusMinute', t.timer.minusMinute)}
      >
        {t.timer.minusMinute}
      </button>
      <button type="button" onClick={() => send({ type: 'resetTimer' })}>
        {t.timer.reset}
      </button>
    </fieldset>
  );
}
