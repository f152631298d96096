import { type ActionPlan, currentConsultation } from '@cercle/domain';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { canSend } from '../canSend.ts';
import { AuthoredTextCard, type TextCard } from './AuthoredTextCard.tsx';
import type { ContentProps } from './contentProps.ts';
import { PlanReadout } from './readouts.tsx';
import { dateField, linesField, shortTextField } from './textFields.tsx';

const PLAN: TextCard<Pick<ActionPlan, 'actions' | 'firstStep' | 'byWhen'>> = {
  name: 'plan',
  command: (draft) => ({ type: 'writeActionPlan', ...draft }),
  blank: { actions: [], firstStep: '', byWhen: null },
};

/** The client turns what they kept into actions, a first step and a date; the group reads it. */
export function ActionPlanCard(props: ContentProps) {
  const w = usePageMessages().content.plan;
  const consultation = currentConsultation(props.view);
  if (!consultation) return null;
  const plan = consultation.plan;
  const sorts = props.view.boardSorts[consultation.id]?.sorts ?? {};
  const kept = consultation.suggestions.filter(
    (s) => sorts[s.id] === 'keep' || sorts[s.id] === 'explore',
  );
  const isMine = canSend(props.view, props.myId, 'writeActionPlan');
  return (
    <AuthoredTextCard
      {...props}
      card={PLAN}
      fields={{
        actions: linesField(w.actions, 'plan-actions'),
        firstStep: shortTextField(w.firstStep, 'plan-first-step', 'line'),
        byWhen: dateField(w.byWhen, 'plan-by-when'),
      }}
      title={isMine ? w.title : w.readOnly}
      text={plan}
      textRef={{ kind: 'actionPlan', id: consultation.id }}
      intro={
        isMine &&
        kept.length > 0 && (
          <>
            <h3>{w.kept}</h3>
            <ul>
              {kept.map((s) => (
                <li key={s.id}>{s.text}</li>
              ))}
            </ul>
          </>
        )
      }
      readOnly={plan ? <PlanReadout plan={plan} labels={w} /> : <p>{w.none}</p>}
    />
  );
}
