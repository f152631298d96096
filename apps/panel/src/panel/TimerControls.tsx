import type { Command, SessionView } from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';
import { canSend } from './canSend.ts';
import { facilitatorCommands } from './facilitatorCommands.ts';
import { useShortcutHint } from './useShortcutHint.ts';

export function TimerControls({
  view,
  myId,
  send,
}: {
  view: SessionView;
  myId: string;
  send: (command: Command) => void;
}) {
  const { t } = useI18n();
  const hint = useShortcutHint();
  const commands = facilitatorCommands(view, myId);
  const status = view.timer.status;
  const toggleLabel =
    status === 'idle' ? t.timer.start : status === 'running' ? t.timer.pause : t.timer.resume;
  const buttons = [
    { action: 'timer', label: toggleLabel, isPrimary: status !== 'running' },
    { action: 'plusMinute', label: t.timer.plusMinute, isPrimary: false },
    { action: 'minusMinute', label: t.timer.minusMinute, isPrimary: false },
  ] as const;
  return (
    <fieldset className="button-row plain-fieldset" aria-label={t.timer.label}>
      {buttons.map(({ action, label, isPrimary }) => {
        const command = commands[action];
        return (
          <button
            key={action}
            type="button"
            className={isPrimary ? 'primary' : undefined}
            disabled={!command}
            onClick={() => command && send(command)}
            {...hint(action, label)}
          >
            {label}
          </button>
        );
      })}
      <button
        type="button"
        disabled={!canSend(view, myId, 'resetTimer')}
        onClick={() => send({ type: 'resetTimer' })}
      >
        {t.timer.reset}
      </button>
    </fieldset>
  );
}
