import { type Command, currentStage, type Timer } from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { canSend } from './canSend.ts';
import type { ClockedProps } from './content/contentProps.ts';
import { facilitatorCommands, isLastStage, undoTarget } from './facilitatorCommands.ts';
import { readTimer } from './formatRemaining.ts';
import { useServerNow } from './useServerNow.ts';
import { useShortcutHint } from './useShortcutHint.ts';

/** The time left, small: the bar repeats the stage card's timer where the card is scrolled away. */
function BarTimer({ timer, serverNow }: { timer: Timer; serverNow: () => number }) {
  const { t } = useI18n();
  // Time left, or time spent on a stage with no time set [R70].
  const { text, tone } = readTimer(timer, useServerNow(serverNow));
  // The label is read before the time, not instead of it (an aria-label would hide the time).
  return (
    <span className={`facilitator-bar__time facilitator-bar__time--${tone}`}>
      <span className="visually-hidden">
        {tone === 'elapsed' ? `${t.timer.label}, ${t.timer.elapsed}` : t.timer.label}{' '}
      </span>
      <span role="timer" data-testid="bar-timer">
        {text}
      </span>
    </span>
  );
}

/**
 * What the facilitator reaches for at every stage (where the session is, its time, start or
 * pause, undo, next), kept in the window however long the page: it sticks to the top or the
 * bottom of the screen rather than scrolling away.
 */
export function FacilitatorBar({ view, myId, serverNow, send }: ClockedProps) {
  const { t, pick } = useI18n();
  const hint = useShortcutHint();
  const commands = facilitatorCommands(view, myId);
  const undoStage = undoTarget(view);
  const stage = currentStage(view);
  const position = view.currentStageIndex + 1;
  const canStart = canSend(view, myId, 'startSession');
  const canDrive = canSend(view, myId, 'goToStage');
  if (!canStart && !canDrive) return null;
  const status = view.timer.status;
  const toggleLabel =
    status === 'idle' ? t.timer.start : status === 'running' ? t.timer.pause : t.timer.resume;
  const act = (command: Command | null) => () => {
    if (command) send(command);
  };
  return (
    <section
      className="facilitator-bar"
      aria-label={t.facilitatorBar.label}
      data-testid="facilitator-bar"
    >
      <p className="facilitator-bar__stage">
        <span aria-hidden="true" className="facilitator-bar__position">
          {position}/{view.stages.length}
        </span>
        <span className="visually-hidden">{t.stageOf(position, view.stages.length)}</span>{' '}
        <span className="facilitator-bar__title">{pick(stage.title)}</span>
      </p>
      <BarTimer timer={view.timer} serverNow={serverNow} />
      {canStart ? (
        <div className="facilitator-bar__buttons">
          <button type="button" className="primary" onClick={() => send({ type: 'startSession' })}>
            {t.controls.startSession}
          </button>
        </div>
      ) : (
        <div className="facilitator-bar__buttons">
          <button
            type="button"
            disabled={!commands.timer}
            onClick={act(commands.timer)}
            {...hint('timer', toggleLabel)}
          >
            {toggleLabel}
          </button>
          <button
            type="button"
            disabled={!commands.undo || !undoStage}
            onClick={act(commands.undo)}
            aria-label={undoStage ? t.controls.undo(pick(undoStage.title)) : t.controls.undoShort}
            {...hint('undo', t.controls.undoShort)}
          >
            <span aria-hidden="true">↶ </span>
            {t.facilitatorBar.undo}
          </button>
          {isLastStage(view) && canSend(view, myId, 'endSession') ? (
            <ConfirmButton
              className="danger-outline"
              label={t.controls.endSession}
              question={t.controls.confirmEnd}
              onConfirm={() => send({ type: 'endSession' })}
            />
          ) : (
            <button
              type="button"
              className="primary"
              disabled={!commands.next}
              onClick={act(commands.next)}
              {...hint('next', t.controls.next)}
            >
              {t.controls.next}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
