import { currentConsultation } from '@cercle/domain';
import { useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import type { ContentProps } from './contentProps.ts';
import { VisibilityPicker } from './VisibilityPicker.tsx';

/** The client turns what they kept into actions, a first step and a date. */
export function ActionPlanCard({ view, myId, send }: ContentProps) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.plan;
  const consultation = currentConsultation(view);
  const plan = consultation?.plan ?? null;
  const [actions, setActions] = useState(plan?.actions.join('\n') ?? '');
  const [firstStep, setFirstStep] = useState(plan?.firstStep ?? '');
  const [byWhen, setByWhen] = useState(plan?.byWhen ?? '');
  if (!consultation) return null;
  const isClient = consultation.clientId === myId;
  if (!isClient)
    return (
      <section className="card content" data-testid="plan">
        <h2 className="card__title">{w.readOnly}</h2>
        {plan ? (
          <>
            <ul>
              {plan.actions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
            {plan.firstStep && (
              <p>
                {w.firstStep}
                {t.colon} {plan.firstStep}
              </p>
            )}
            {plan.byWhen && (
              <p>
                {w.byWhen}
                {t.colon} {plan.byWhen}
              </p>
            )}
          </>
        ) : (
          <p>{w.none}</p>
        )}
      </section>
    );
  const kept = consultation.suggestions.filter((s) => s.sort === 'keep' || s.sort === 'explore');
  return (
    <section className="card content" aria-labelledby="plan-title" data-testid="plan">
      <h2 id="plan-title" className="card__title">
        {w.title}
      </h2>
      {kept.length > 0 && (
        <>
          <h3>{w.kept}</h3>
          <ul>
            {kept.map((s) => (
              <li key={s.id}>{s.text}</li>
            ))}
          </ul>
        </>
      )}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          send({
            type: 'writeActionPlan',
            actions: actions.split('\n'),
            firstStep,
            byWhen: byWhen || null,
          });
        }}
      >
        <label>
          {w.actions}
          <textarea
            data-testid="plan-actions"
            value={actions}
            rows={4}
            onChange={(e) => setActions(e.target.value)}
          />
        </label>
        <label>
          {w.firstStep}
          <input
            data-testid="plan-first-step"
            value={firstStep}
            maxLength={2000}
            onChange={(e) => setFirstStep(e.target.value)}
          />
        </label>
        <label>
          {w.byWhen}
          <input
            type="date"
            data-testid="plan-by-when"
            value={byWhen}
            onChange={(e) => setByWhen(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" data-testid="plan-save">
          {pages.content.save}
        </button>
        {plan && <span className="saved"> ✓ {pages.content.saved}</span>}
      </form>
      {plan && (
        <VisibilityPicker
          textRef={{ kind: 'actionPlan', id: consultation.id }}
          visibility={plan.visibility}
          send={send}
        />
      )}
    </section>
  );
}
