import { type CommandEntries, WHILE_LIVE } from '../commandEntry.ts';
import type { Question } from '../content.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { consultationItem } from '../newItem.ts';
import { Rejection } from '../rejection.ts';
import { currentStage } from '../session.ts';

/** The clarification questions, as the consultants ask them [R60]. */
export type ClarificationCommand = { readonly type: 'askQuestion'; readonly text: string };

export type ClarificationEvent = { readonly type: 'questionAsked'; readonly question: Question };

export const clarificationCommands: CommandEntries<ClarificationCommand> = {
  askQuestion: {
    who: 'consultant',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, command, actor, now) {
      const item = consultationItem(state, command.text);
      if (typeof item === 'string') return reject(item);
      const { consultation, text } = item;
      if (state.questions.length >= LIMITS.questionsMax) return reject(Rejection.tooManyItems);
      return accept({
        type: 'questionAsked',
        question: {
          id: `question-${state.itemCount + 1}`,
          consultationId: consultation.id,
          authorId: actor.id,
          text,
          stageKey: currentStage(state).key,
          at: now,
        },
      });
    },
  },
};

export const clarificationEvents: EventEntries<ClarificationEvent> = {
  // Asked aloud to the client in front of everyone: the group's, like the turns.
  questionAsked: {
    apply: (state, { question }) => ({
      ...state,
      questions: [...state.questions, question],
      itemCount: state.itemCount + 1,
    }),
    privacy: PUBLIC,
  },
};
