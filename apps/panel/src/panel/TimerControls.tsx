import { useI18n } from '../i18n/i18n.tsx';
import { canSend } from './canSend.ts';
import type { ContentProps } from './content/contentProps.ts';
import { facilitatorCommands } from './facilitatorCommands.ts';
import { useShortcutHint } from './useShortcutHint.ts';

export function TimerControls({ view, myId, send }: ContentProps) {
  const { t } = useI18n();
  const hint = useShortcutHint();
  const commands = facilitatorCommands(view, myId);
  // Start and pause are in the facilitator's bar, which stays in sight; here, the adjustments.
  const buttons = [
    { action: 'plusMinute', label: t.timer.plusMinute },
    { action: 'minusMinute', label: t.timer.minusMinute },
  ] as const;
  return (
    <fieldset className="button-row plain-fieldset" aria-label={t.timer.label}>
      {buttons.map(({ action, label }) => {
        const command = commands[action];
        return (
          <button
            key={action}
            type="button"
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
      <AutoStartAll view={view} myId={myId} send={send} />
    </fieldset>
  );
}

/** The whole plan's timers start with their stages, or wait for "Start" [R71]. */
function AutoStartAll({ view, myId, send }: ContentProps) {
  const { t } = useI18n();
  if (!canSend(view, myId, 'setTimerAutoStart')) return null;
  const isOn = view.stages.every((stage) => stage.isAutoTimed);
  return (
    <label className="check">
      <input
        type="checkbox"
        data-testid="timer-auto-all"
        checked={isOn}
        onChange={() =>
          send({
            type: 'setTimerAutoStart',
            stageKeys: view.stages.map((stage) => stage.key),
            isAutoTimed: !isOn,
          })
        }
      />
      {t.timer.autoStartAll}
    </label>
  );
}
