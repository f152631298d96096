import { GRID_MAX } from '@cercle/domain';
import { useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { VisibilityPicker } from './VisibilityPicker.tsx';

/** The observer's grid on the group's interactions, and sharing their notes. */
export function ObserverGridCard({ view, myId, send }: ContentProps) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.observer;
  const mine = view.observerFeedback[myId];
  const [marks, setMarks] = useState({
    listening: mine?.listening ?? 3,
    questionsOverAdvice: mine?.questionsOverAdvice ?? 3,
    clientFloor: mine?.clientFloor ?? 3,
  });
  const [comment, setComment] = useState(mine?.comment ?? '');
  const note = view.notes[myId];
  const isObserver = view.people.find((p) => p.id === myId)?.role === 'observer';
  const shared = Object.values(view.observerFeedback).filter((f) => f.authorId !== myId);
  const sharedNotes = Object.values(view.notes).filter((n) => n.authorId !== myId && n.text);
  return (
    <>
      {isObserver && (
        <section className="card content" aria-labelledby="grid-title" data-testid="observer-grid">
          <h2 id="grid-title" className="card__title">
            {w.title}
          </h2>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              send({ type: 'writeObserverFeedback', ...marks, comment });
            }}
          >
            {(['listening', 'questionsOverAdvice', 'clientFloor'] as const).map((key) => (
              <fieldset key={key} className="choices">
                <legend>{w[key]}</legend>
                {Array.from({ length: GRID_MAX }, (_, i) => i + 1).map((n) => (
                  <label key={n}>
                    <input
                      type="radio"
                      name={`grid-${key}`}
                      data-testid={`grid-${key}-${n}`}
                      checked={marks[key] === n}
                      onChange={() => setMarks({ ...marks, [key]: n })}
                    />{' '}
                    {w.marks[n - 1]}
                  </label>
                ))}
              </fieldset>
            ))}
            <label>
              {w.comment}
              <textarea
                data-testid="grid-comment"
                value={comment}
                maxLength={2000}
                onChange={(e) => setComment(e.target.value)}
              />
            </label>
            <button type="submit" className="primary" data-testid="grid-save">
              {pages.content.save}
            </button>
            {mine && <span className="saved"> ✓ {pages.content.saved}</span>}
          </form>
          {mine && (
            <VisibilityPicker
              textRef={{ kind: 'observerFeedback', id: myId }}
              visibility={mine.visibility}
              send={send}
            />
          )}
          {note && (
            <button
              type="button"
              data-testid="share-notes"
              onClick={() =>
                send({
                  type: 'setVisibility',
                  ref: { kind: 'note', id: myId },
                  visibility: note.visibility === 'group' ? 'me' : 'group',
                })
              }
            >
              {note.visibility === 'group' ? w.unshareNotes : w.shareNotes}
            </button>
          )}
        </section>
      )}
      {(shared.length > 0 || sharedNotes.length > 0) && (
        <section className="card content" data-testid="shared-observations">
          {shared.map((f) => (
            <div key={f.authorId}>
              <h3>{`${w.title} — ${nameOf(view, f.authorId)}`}</h3>
              <p>
                {w.listening}
                {t.colon} {w.marks[f.listening - 1]} · {w.questionsOverAdvice}
                {t.colon} {w.marks[f.questionsOverAdvice - 1]} · {w.clientFloor}
                {t.colon} {w.marks[f.clientFloor - 1]}
              </p>
              {f.comment && <blockquote>{f.comment}</blockquote>}
            </div>
          ))}
          {sharedNotes.map((n) => (
            <div key={n.authorId}>
              <h3>{w.sharedNotes(nameOf(view, n.authorId))}</h3>
              <blockquote className="pre">{n.text}</blockquote>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
