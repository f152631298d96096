import type { Debrief } from '@cercle/domain';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { AuthoredTextCard, type TextCard } from './AuthoredTextCard.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { Part, PlanReadout } from './readouts.tsx';
import { longTextField } from './textFields.tsx';

const DEBRIEF_PARTS = ['tried', 'worked', 'didNotWork'] as const;

const DEBRIEF: TextCard<Pick<Debrief, (typeof DEBRIEF_PARTS)[number]>> = {
  name: 'debrief',
  testId: 'previous-plan',
  command: (draft) => ({ type: 'writeDebrief', ...draft }),
  blank: { tried: '', worked: '', didNotWork: '' },
};

/** The debrief step: the previous client's plan, and what they made of it. */
export function PreviousPlanCard(props: ContentProps) {
  const { view, myId } = props;
  const w = usePageMessages().content.previous;
  const { previous, debrief } = view;
  return (
    <AuthoredTextCard
      {...props}
      card={DEBRIEF}
      fields={{
        tried: longTextField(w.tried, 'debrief-tried'),
        worked: longTextField(w.worked, 'debrief-worked'),
        didNotWork: longTextField(w.didNotWork, 'debrief-didnotwork'),
      }}
      title={w.title}
      text={debrief}
      formTitle={w.debriefTitle}
      textRef={{ kind: 'debrief', id: myId }}
      intro={
        previous ? (
          <>
            <p>
              <strong>{previous.clientName}</strong> — {previous.caseTitle}
            </p>
            {previous.plan ? (
              <PlanReadout plan={previous.plan} labels={w} testId="previous-actions" />
            ) : (
              <p>{w.hidden}</p>
            )}
          </>
        ) : (
          <p>{w.none}</p>
        )
      }
      readOnly={
        debrief && (
          <div data-testid="debrief">
            <h3>{w.debriefOf(nameOf(view, debrief.authorId))}</h3>
            {DEBRIEF_PARTS.map((part) => (
              <Part key={part} label={w[part]}>
                {debrief[part]}
              </Part>
            ))}
          </div>
        )
      }
    />
  );
}
