import type { Command, SessionView } from '@cercle/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { setCuesOn, useCuesOn } from '../ui/cues.ts';
import { SHORTCUTS, type ShortcutAction, shortcutLabel } from '../ui/shortcuts.ts';
import { useShortcuts } from '../ui/useShortcuts.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { canSend } from './canSend.ts';
import { facilitatorCommands, isLastStage } from './facilitatorCommands.ts';
import { useShortcutHint } from './useShortcutHint.ts';

export function FacilitatorControls({
  view,
  myId,
  send,
  children,
}: {
  view: SessionView;
  myId: string;
  send: (c: Command) => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const hint = useShortcutHint();
  const isCuesOn = useCuesOn();
  const commands = facilitatorCommands(view, myId);
  const act = (action: ShortcutAction) => () => {
    const command = commands[action];
    if (command) send(command);
  };
  useShortcuts({
    next: act('next'),
    previous: act('previous'),
    undo: act('undo'),
    timer: act('timer'),
    plusMinute: act('plusMinute'),
    minusMinute: act('minusMinute'),
  });
  const shortcutNames: Record<ShortcutAction, string> = {
    next: t.controls.next,
    previous: t.controls.previous,
    undo: t.controls.undoShort,
    timer: t.timer.toggle,
    plusMinute: t.timer.plusMinute,
    minusMinute: t.timer.minusMinute,
  };
  return (
    <section className="card controls" aria-labelledby="controls-title">
      <h2 id="controls-title" className="card__title">
        {t.controls.title}
      </h2>
      {/* Starting, the next stage, undo, the timer's start and, at the last stage, the end sit in
          the facilitator's bar, in sight at every stage; here, the rest. */}
      {canSend(view, myId, 'goToStage') && (
        <>
          <div className="button-row">
            <button
              type="button"
              disabled={!commands.previous}
              onClick={act('previous')}
              {...hint('previous', t.controls.previous)}
            >
              <span aria-hidden="true">← </span>
              {t.controls.previous}
            </button>
          </div>
          {canSend(view, myId, 'endSession') && !isLastStage(view) && (
            <ConfirmButton
              className="danger-outline"
              label={t.controls.endSession}
              question={t.controls.confirmEnd}
              onConfirm={() => send({ type: 'endSession' })}
            />
          )}
        </>
      )}
      {children}
      <div className="controls__settings">
        <label className="check">
          <input
            type="checkbox"
            checked={isCuesOn}
            onChange={(e) => setCuesOn(e.target.checked)}
            aria-describedby="cues-scope"
            data-testid="cues"
          />
          {t.cues.label}
        </label>
        <p id="cues-scope" className="hint">
          {t.cues.scope}
        </p>
        <details className="shortcuts">
          <summary>{t.shortcuts.title}</summary>
          <dl>
            {(Object.keys(SHORTCUTS) as ShortcutAction[]).map((action) => (
              <div key={action}>
                <dt>
                  <kbd>{shortcutLabel(action, t.shortcuts.shift)}</kbd>
                </dt>
                <dd>{shortcutNames[action]}</dd>
              </div>
            ))}
          </dl>
          <p className="hint">{t.shortcuts.hint}</p>
        </details>
      </div>
    </section>
  );
}
