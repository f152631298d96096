import type { Command, SessionView } from '@cercle/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';

export function FacilitatorControls({
  view,
  send,
  children,
}: {
  view: SessionView;
  send: (c: Command) => void;
  children?: ReactNode;
}) {
  const { t, pick } = useI18n();
  const index = view.currentStageIndex;
  const change = view.lastStageChange;
  const undoTarget = change && change.toIndex === index ? view.stages[change.fromIndex] : undefined;
  return (
    <section className="card controls" aria-labelledby="controls-title">
      <h2 id="controls-title" className="card__title">
        {t.controls.title}
      </h2>
      {view.lifecycle === 'scheduled' && (
        <button
          type="button"
          className="primary wide"
          onClick={() => send({ type: 'startSession' })}
        >
          {t.controls.startSession}
        </button>
      )}
      {view.lifecycle === 'live' && (
        <>
          <div className="button-row">
            <button
              type="button"
              disabled={index === 0}
              onClick={() => send({ type: 'goToStage', fromIndex: index, toIndex: index - 1 })}
            >
              ← {t.controls.previous}
            </button>
            <button
              type="button"
              className="primary"
              disabled={index >= view.stages.length - 1}
              onClick={() => send({ type: 'goToStage', fromIndex: index, toIndex: index + 1 })}
            >
              {t.controls.next} →
            </button>
          </div>
          {undoTarget && (
            <button
              type="button"
              className="link-button"
              onClick={() => send({ type: 'undoStageChange', fromIndex: index })}
            >
              ↶ {t.controls.undo(pick(undoTarget.title))}
            </button>
          )}
          <ConfirmButton
            className="danger-outline"
            label={t.controls.endSession}
            question={t.controls.confirmEnd}
            onConfirm={() => send({ type: 'endSession' })}
          />
        </>
      )}
      {children}
    </section>
  );
}
