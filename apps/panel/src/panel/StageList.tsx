import { type Command, MINUTE_MS, type SessionView, type Stage } from '@cercle/domain';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useDraft } from '../ui/useDraft.ts';

function DurationInput({
  stage,
  sessionId,
  send,
}: {
  stage: Stage;
  sessionId: string;
  send: (c: Command) => void;
}) {
  const { t, pick } = useI18n();
  const planned = stage.plannedMs === null ? '' : String(Math.round(stage.plannedMs / MINUTE_MS));
  // An empty draft means "not editing": the field then follows the shared duration.
  const [draft, setDraft, clearDraft] = useDraft(`${sessionId}:duration:${stage.key}`);
  const commit = () => {
    if (draft === '') return;
    const minutes = Number(draft);
    setDraft('');
    clearDraft();
    if (!Number.isInteger(minutes) || minutes <= 0 || minutes > 240) return;
    const plannedMs = minutes * MINUTE_MS;
    if (plannedMs !== stage.plannedMs)
      send({ type: 'setStageDurations', durations: [{ stageKey: stage.key, plannedMs }] });
  };
  return (
    <input
      className="duration-input"
      type="number"
      inputMode="numeric"
      min={1}
      max={240}
      value={draft === '' ? planned : draft}
      aria-label={t.stages.durationLabel(pick(stage.title))}
      onChange={(e) => setDraft(e.target.value === '' ? ' ' : e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

function AddStageForm({ view, send }: { view: SessionView; send: (c: Command) => void }) {
  const { t } = useI18n();
  const [title, setTitle, clearTitle] = useDraft(`${view.id}:new-stage-title`);
  const [minutes, setMinutes, clearMinutes] = useDraft(`${view.id}:new-stage-minutes`, '10');
  const minutesValue = Number(minutes);
  const isValid = title.trim().length > 0 && Number.isInteger(minutesValue) && minutesValue > 0;
  return (
    <form
      className="add-stage"
      onSubmit={(e) => {
        e.preventDefault();
        if (!isValid) return;
        send({
          type: 'addStage',
          atIndex: view.stages.length,
          title: title.trim(),
          plannedMs: minutesValue * MINUTE_MS,
          floor: 'everyone',
        });
        setTitle('');
        clearTitle();
        clearMinutes();
      }}
    >
      <fieldset>
        <legend>{t.stages.addTitle}</legend>
        <label>
          {t.stages.addName}
          <input value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t.stages.addMinutes}
          <input
            type="number"
            min={1}
            max={240}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!isValid}>
          {t.stages.add}
        </button>
      </fieldset>
    </form>
  );
}

export function StageList({
  view,
  isFacilitator,
  send,
}: {
  view: SessionView;
  isFacilitator: boolean;
  send: (c: Command) => void;
}) {
  const { t, pick } = useI18n();
  const [isEditing, setIsEditing] = useState(false);
  const current = view.currentStageIndex;
  const isLive = view.lifecycle === 'live';
  const canEdit = isFacilitator && view.lifecycle !== 'ended';
  // Live, only stages still ahead may be edited; before the start, all of them.
  const isEditable = (index: number) => canEdit && isEditing && (!isLive || index > current);
  return (
    <section className="card" aria-labelledby="stages-title">
      <div className="card__heading">
        <h2 id="stages-title" className="card__title">
          {t.stages.title}
        </h2>
        {canEdit && (
          <button
            type="button"
            className="link-button"
            aria-pressed={isEditing}
            onClick={() => setIsEditing(!isEditing)}
          >
            {isEditing ? t.stages.doneEditing : t.stages.edit}
          </button>
        )}
      </div>
      <ol className="stage-list" data-testid="stage-list">
        {view.stages.map((stage, index) => {
          const state =
            view.lifecycle === 'scheduled' || index > current
              ? 'upcoming'
              : index === current
                ? 'current'
                : 'done';
          return (
            <li
              key={stage.key}
              className={`stage-list__item stage-list__item--${state}`}
              aria-current={index === current ? 'step' : undefined}
            >
              <span className="stage-list__marker" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="stage-list__name">
                {pick(stage.title)}
                <span className="visually-hidden"> ({t.stages[state]})</span>
              </span>
              {isEditable(index) ? (
                <DurationInput stage={stage} sessionId={view.id} send={send} />
              ) : (
                <span className="stage-list__duration">
                  {stage.plannedMs === null
                    ? t.stages.noDuration
                    : t.stages.minutes(Math.round(stage.plannedMs / MINUTE_MS))}
                </span>
              )}
              {isFacilitator && isLive && !isEditing && index !== current && (
                <button
                  type="button"
                  className="icon-button"
                  title={t.stages.goTo}
                  aria-label={`${t.stages.goTo}${t.colon} ${pick(stage.title)}`}
                  onClick={() => send({ type: 'goToStage', fromIndex: current, toIndex: index })}
                >
                  ⤷
                </button>
              )}
              {isEditable(index) && (
                <span className="stage-list__edit">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`${t.stages.moveUp}${t.colon} ${pick(stage.title)}`}
                    title={t.stages.moveUp}
                    disabled={index === 0 || !isEditable(index - 1)}
                    onClick={() =>
                      send({ type: 'moveStage', stageKey: stage.key, toIndex: index - 1 })
                    }
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`${t.stages.moveDown}${t.colon} ${pick(stage.title)}`}
                    title={t.stages.moveDown}
                    disabled={index === view.stages.length - 1}
                    onClick={() =>
                      send({ type: 'moveStage', stageKey: stage.key, toIndex: index + 1 })
                    }
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`${t.stages.remove}${t.colon} ${pick(stage.title)}`}
                    title={t.stages.remove}
                    disabled={view.stages.length === 1}
                    onClick={() => send({ type: 'removeStage', stageKey: stage.key })}
                  >
                    ✕
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {canEdit && isEditing && <AddStageForm view={view} send={send} />}
    </section>
  );
}
