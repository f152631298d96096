import {
  type Command,
  isStageAhead,
  LIMITS,
  MINUTE_MS,
  type SessionView,
  type Stage,
} from '@cercle/domain';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useDraft } from '../ui/useDraft.ts';
import { canSend } from './canSend.ts';
import type { ContentProps } from './content/contentProps.ts';

/** The longest stage the domain takes, in the minutes the fields are typed in. */
const DURATION_MAX_MINUTES = LIMITS.stageDurationMaxMs / MINUTE_MS;

/** The duration typed in a field, or null where the domain would not take it. */
function plannedMsOf(typed: string): number | null {
  const minutes = Number(typed);
  return Number.isInteger(minutes) && minutes > 0 && minutes <= DURATION_MAX_MINUTES
    ? minutes * MINUTE_MS
    : null;
}

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
    const plannedMs = plannedMsOf(draft);
    setDraft('');
    clearDraft();
    if (plannedMs !== null && plannedMs !== stage.plannedMs)
      send({ type: 'setStageDurations', durations: [{ stageKey: stage.key, plannedMs }] });
  };
  return (
    <input
      className="duration-input"
      type="number"
      inputMode="numeric"
      min={1}
      max={DURATION_MAX_MINUTES}
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
  const plannedMs = plannedMsOf(minutes);
  const isValid = title.trim().length > 0 && plannedMs !== null;
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
          plannedMs,
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
          <input
            value={title}
            maxLength={LIMITS.stageTitleMaxChars}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label>
          {t.stages.addMinutes}
          <input
            type="number"
            min={1}
            max={DURATION_MAX_MINUTES}
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

export function StageList({ view, myId, send }: ContentProps) {
  const { t, pick } = useI18n();
  const [isEditing, setIsEditing] = useState(false);
  const current = view.currentStageIndex;
  const may = {
    edit: canSend(view, myId, 'setStageDurations'),
    move: canSend(view, myId, 'moveStage'),
    remove: canSend(view, myId, 'removeStage'),
    add: canSend(view, myId, 'addStage'),
    goTo: canSend(view, myId, 'goToStage'),
    // Each stage ahead may start its timer by itself when it starts [R71].
    autoTime: canSend(view, myId, 'setTimerAutoStart'),
  };
  // Only stages still ahead are edited: live, those after the current one; before, all of them.
  const isEditable = (index: number) => may.edit && isEditing && isStageAhead(view, index);
  return (
    <section className="card" aria-labelledby="stages-title">
      <div className="card__heading">
        <h2 id="stages-title" className="card__title">
          {t.stages.title}
        </h2>
        {may.edit && (
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
              {may.goTo && !isEditing && index !== current && (
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
                    disabled={!may.move || index === 0 || !isEditable(index - 1)}
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
                    disabled={!may.move || index === view.stages.length - 1}
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
                    disabled={!may.remove || view.stages.length === 1}
                    onClick={() => send({ type: 'removeStage', stageKey: stage.key })}
                  >
                    ✕
                  </button>
                  {may.autoTime && (
                    <label className="check" title={t.stages.autoStartLabel(pick(stage.title))}>
                      <input
                        type="checkbox"
                        data-testid={`auto-timer-${stage.key}`}
                        aria-label={t.stages.autoStartLabel(pick(stage.title))}
                        checked={stage.isAutoTimed ?? false}
                        onChange={(e) =>
                          send({
                            type: 'setTimerAutoStart',
                            stageKeys: [stage.key],
                            isAutoTimed: e.target.checked,
                          })
                        }
                      />
                      <span aria-hidden="true">{t.stages.autoStart}</span>
                    </label>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {may.add && isEditing && <AddStageForm view={view} send={send} />}
    </section>
  );
}
