import { currentStage } from '@cercle/domain';
import { ActionPlanCard } from './ActionPlanCard.tsx';
import { CaseBoard } from './CaseBoard.tsx';
import { ContractCard } from './ContractCard.tsx';
import type { ContentProps } from './contentProps.ts';
import { EvaluationCard } from './EvaluationCard.tsx';
import { InclusionCard } from './InclusionCard.tsx';
import { LearningsCard } from './LearningsCard.tsx';
import { ObserverGridCard } from './ObserverGridCard.tsx';
import { PreviousPlanCard } from './PreviousPlanCard.tsx';
import { SuggestionBoard } from './SuggestionBoard.tsx';
import { TurnsCard } from './TurnsCard.tsx';
import { WhatNextCard } from './WhatNextCard.tsx';

/**
 * What the current stage asks of each person, below the timer. Keyed by stage so a form's draft
 * starts from what is saved when the stage comes round.
 */
export function StageContent(props: ContentProps & { token: string }) {
  const { view } = props;
  if (view.lifecycle === 'ended')
    return (
      <>
        <LearningsCard {...props} />
        <EvaluationCard {...props} />
        <ObserverGridCard {...props} />
        <WhatNextCard {...props} />
      </>
    );
  const key = currentStage(view).key;
  const myRole = view.people.find((p) => p.id === props.myId)?.role;
  switch (key) {
    case 'inclusion':
      return <InclusionCard {...props} />;
    case 'previousDebrief':
      return <PreviousPlanCard {...props} />;
    case 'subjectChoice':
      return <CaseBoard {...props} />;
    case 'expose':
    case 'clarification':
      return (
        <>
          <ContractCard {...props} />
          <TurnsCard {...props} />
        </>
      );
    case 'contract':
      return <ContractCard {...props} />;
    case 'consultation':
      return (
        <>
          <ContractCard {...props} />
          <TurnsCard {...props} />
          <SuggestionBoard {...props} />
        </>
      );
    case 'synthesis':
      return myRole === 'client' ? (
        <ActionPlanCard {...props} />
      ) : (
        <>
          <ActionPlanCard {...props} />
          <LearningsCard {...props} />
        </>
      );
    case 'learnings':
    case 'regulation':
      return (
        <>
          <LearningsCard {...props} />
          <EvaluationCard {...props} />
          <ObserverGridCard {...props} />
        </>
      );
    case 'conclusion':
      return <WhatNextCard {...props} />;
    default:
      return null;
  }
}
