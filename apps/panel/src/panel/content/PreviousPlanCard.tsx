import { useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { VisibilityPicker } from './VisibilityPicker.tsx';

/** The debrief step: the previous client's plan, and what they made of it. */
export function PreviousPlanCard({ view, myId, send }: ContentProps) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.previous;
  const previous = view.previous;
  const isPreviousClient = previous?.clientId === myId;
  const [tried, setTried] = useState(view.debrief?.tried ?? '');
  const [worked, setWorked] = useState(view.debrief?.worked ?? '');
  const [didNotWork, setDidNotWork] = useState(view.debrief?.didNotWork ?? '');
  if (!previous)
    return (
      <section className="card content" data-testid="previous-plan">
        <h2 className="card__title">{w.title}</h2>
        <p>{w.none}</p>
      </section>
    );
  return (
    <section className="card content" aria-labelledby="previous-title" data-testid="previous-plan">
      <h2 id="previous-title" className="card__title">
        {w.title}
      </h2>
      <p>
        <strong>{previous.clientName}</strong> — {previous.caseTitle}
      </p>
      {previous.plan ? (
        <>
          <ul data-testid="previous-actions">
            {previous.plan.actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ul>
          {previous.plan.firstStep && (
            <p>
              {w.firstStep}
              {t.colon} {previous.plan.firstStep}
            </p>
          )}
          {previous.plan.byWhen && (
            <p>
              {w.byWhen}
              {t.colon} {previous.plan.byWhen}
            </p>
          )}
        </>
      ) : (
        <p>{w.hidden}</p>
      )}
      {isPreviousClient ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            send({ type: 'writeDebrief', tried, worked, didNotWork });
          }}
        >
          <h3>{w.debriefTitle}</h3>
          <label>
            {w.tried}
            <textarea
              data-testid="debrief-tried"
              value={tried}
              onChange={(e) => setTried(e.target.value)}
              maxLength={5000}
            />
          </label>
          <label>
            {w.worked}
            <textarea
              data-testid="debrief-worked"
              value={worked}
              onChange={(e) => setWorked(e.target.value)}
              maxLength={5000}
            />
          </label>
          <label>
            {w.didNotWork}
            <textarea
              data-testid="debrief-didnotwork"
              value={didNotWork}
              onChange={(e) => setDidNotWork(e.target.value)}
              maxLength={5000}
            />
          </label>
          <button type="submit" className="primary" data-testid="debrief-save">
            {pages.content.save}
          </button>
          {view.debrief && (
            <VisibilityPicker
              textRef={{ kind: 'debrief', id: myId }}
              visibility={view.debrief.visibility}
              send={send}
            />
          )}
        </form>
      ) : (
        view.debrief && (
          <div data-testid="debrief">
            <h3>{w.debriefOf(nameOf(view, view.debrief.authorId))}</h3>
            <p>
              <strong>{w.tried}</strong>
              {t.colon} {view.debrief.tried}
            </p>
            <p>
              <strong>{w.worked}</strong>
              {t.colon} {view.debrief.worked}
            </p>
            <p>
              <strong>{w.didNotWork}</strong>
              {t.colon} {view.debrief.didNotWork}
            </p>
          </div>
        )
      )}
    </section>
  );
}
