import { type CatalogueStageKey, currentStage, isCatalogueStageKey } from '@cercle/domain';
import type { ComponentType } from 'react';
import { ActionPlanCard } from './ActionPlanCard.tsx';
import { CaseBoard } from './CaseBoard.tsx';
import { ClientNoteCard } from './ClientNoteCard.tsx';
import { ClientSortCard } from './ClientSortCard.tsx';
import { ContractCard } from './ContractCard.tsx';
import type { ContentProps } from './contentProps.ts';
import { EthicsCard } from './EthicsCard.tsx';
import { EvaluationCard } from './EvaluationCard.tsx';
import { InclusionCard } from './InclusionCard.tsx';
import { LearningsCard } from './LearningsCard.tsx';
import { ObserverGridCard } from './ObserverGridCard.tsx';
import { PreviousPlanCard } from './PreviousPlanCard.tsx';
import { QuestionsCard } from './QuestionsCard.tsx';
import { StageNotesCard } from './StageNotesCard.tsx';
import { SuggestionBoard } from './SuggestionBoard.tsx';
import { TurnsCard } from './TurnsCard.tsx';
import { WhatNextCard } from './WhatNextCard.tsx';

type StageContentProps = ContentProps & { readonly token: string };
type Card = ComponentType<StageContentProps>;

/** Every stage of the method, and a stage the facilitator added (`custom-N`). */
export type StageKey = CatalogueStageKey | 'custom';

/** While the client turns what they kept into a plan, the others write their learnings. */
function LearningsBesidePlan(props: StageContentProps) {
  const isClient = props.view.people.find((p) => p.id === props.myId)?.role === 'client';
  return isClient ? null : <LearningsCard {...props} />;
}

const CLOSING: readonly Card[] = [LearningsCard, EvaluationCard, ObserverGridCard];

/**
 * What each stage asks of each person, below the timer, in order. The compiler refuses a stage
 * of the catalogue without its row; a stage without cards says so with an empty one.
 */
export const STAGE_CARDS: { readonly [K in StageKey]: readonly Card[] } = {
  inclusion: [EthicsCard, InclusionCard],
  previousDebrief: [PreviousPlanCard],
  subjectChoice: [CaseBoard],
  expose: [ContractCard, TurnsCard],
  clarification: [ContractCard, TurnsCard, QuestionsCard],
  contract: [ContractCard],
  consultation: [ContractCard, TurnsCard, ClientNoteCard, SuggestionBoard],
  break: [],
  synthesis: [ActionPlanCard, ClientSortCard, LearningsBesidePlan],
  learnings: CLOSING,
  regulation: CLOSING,
  conclusion: [WhatNextCard],
  // A stage the facilitator adds has the purpose they give it aloud: the method has no card for it.
  custom: [],
};

/** Once the session is over: the closing texts, still open to their authors, and what comes next. */
export const AFTER_THE_END: readonly Card[] = [...CLOSING, WhatNextCard];

/** The cards of the session's current stage (or of its end), for this view. */
export function cardsFor(view: StageContentProps['view']): readonly Card[] {
  // The observer's notes by stage follow every stage, and stay theirs to read after it [R62].
  if (view.lifecycle === 'ended') return [...AFTER_THE_END, StageNotesCard];
  const key = currentStage(view).key;
  const cards = STAGE_CARDS[isCatalogueStageKey(key) ? key : 'custom'];
  // Subjects prepared in advance [R64]: before the start, members propose theirs and everyone
  // sees them, whatever stage opens the session.
  const ahead =
    view.lifecycle === 'scheduled' && !cards.includes(CaseBoard) ? [CaseBoard, ...cards] : cards;
  return [...ahead, StageNotesCard];
}

/**
 * What the current stage asks of each person, below the timer. Keyed by stage so a form's draft
 * starts from what is saved when the stage comes round.
 */
export function StageContent(props: StageContentProps) {
  return cardsFor(props.view).map((Card, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a stage's cards are a fixed list.
    <Card key={index} {...props} />
  ));
}
