import { ANY_TIME, type CommandEntries } from '../commandEntry.ts';
import {
  type Evaluation,
  type EvaluationTally,
  GRID_CRITERIA,
  GRID_MAX,
  type GridCriterion,
  isPublishedTally,
  type Learnings,
  type ObserverFeedback,
  type ObserverGrid,
  RATING_MAX,
  WEATHERS,
  type Weather,
  withShare,
} from '../content.ts';
import { accept, reject } from '../decision.ts';
import { aboutText, type EventEntries } from '../eventEntry.ts';
import { Rejection } from '../rejection.ts';
import { isLongText, isShortText } from '../text.ts';
import { keptVisibility, putText } from '../textKinds.ts';

/** What each person takes away: learnings, an evaluation, the observer's grid [R34] [R35]. */
export type ClosingCommand =
  | { readonly type: 'writeLearnings'; readonly content: string; readonly process: string }
  | {
      readonly type: 'evaluate';
      readonly weather: Weather;
      readonly rating: number;
      readonly comment: string;
    }
  // A grid sent without the criteria added with R63 leaves them unmarked.
  | ({ readonly type: 'writeObserverFeedback' } & ObserverGrid);

export type ClosingEvent =
  | { readonly type: 'learningsWritten'; readonly learnings: Learnings }
  | { readonly type: 'evaluationGiven'; readonly evaluation: Evaluation }
  | { readonly type: 'evaluationTallied'; readonly tally: EvaluationTally }
  | { readonly type: 'observerFeedbackWritten'; readonly feedback: ObserverFeedback };

/** The criteria a grid may leave unmarked: those added with R63. */
const ADDED_CRITERIA = ['stagesRespected', 'clientListening', 'kindness', 'timeKept'] as const;

const isMark = (value: number, max: number) =>
  Number.isInteger(value) && value >= 1 && value <= max;

export const closingCommands: CommandEntries<ClosingCommand> = {
  writeLearnings: {
    who: 'member',
    when: ANY_TIME,
    isWholeText: true,
    decide(state, { content, process }, actor, now) {
      if (!isLongText(content) || !isLongText(process)) return reject(Rejection.invalidText);
      const before = state.learnings[actor.id];
      if (before?.content === content && before.process === process)
        return reject(Rejection.unchanged);
      const visibility = keptVisibility('learnings', before?.visibility);
      return accept({
        type: 'learningsWritten',
        learnings: { authorId: actor.id, content, process, visibility, at: now },
      });
    },
  },
  evaluate: {
    who: 'member',
    when: ANY_TIME,
    isWholeText: true,
    decide(state, { weather, rating, comment }, actor, now) {
      if (!WEATHERS.includes(weather)) return reject(Rejection.invalidChoice);
      if (!isMark(rating, RATING_MAX)) return reject(Rejection.invalidChoice);
      if (!isShortText(comment)) return reject(Rejection.invalidText);
      const before = state.evaluations[actor.id];
      if (before?.weather === weather && before.rating === rating && before.comment === comment)
        return reject(Rejection.unchanged);
      const visibility = keptVisibility('evaluation', before?.visibility);
      const evaluation = { authorId: actor.id, weather, rating, comment, visibility, at: now };
      // The answer stays its author's; the group's totals move in a separate event. A changed
      // answer replaces its own share; an answer erased earlier is not recounted: erasing never
      // moves a published tally [R48].
      const rest = before ? withShare(state.evaluationTally, before, -1) : state.evaluationTally;
      return accept(
        { type: 'evaluationGiven', evaluation },
        { type: 'evaluationTallied', tally: withShare(rest, evaluation, 1) },
      );
    },
  },
  writeObserverFeedback: {
    who: 'observer',
    when: ANY_TIME,
    isWholeText: true,
    decide(state, command, actor, now) {
      const marks = GRID_CRITERIA.map((criterion) => command[criterion]);
      if (!marks.every((mark) => mark === undefined || isMark(mark, GRID_MAX)))
        return reject(Rejection.invalidChoice);
      if (!isShortText(command.comment)) return reject(Rejection.invalidText);
      const before = state.observerFeedback[actor.id];
      if (
        before &&
        GRID_CRITERIA.every((criterion) => before[criterion] === command[criterion]) &&
        before.comment === command.comment
      )
        return reject(Rejection.unchanged);
      const added: Partial<Record<GridCriterion, number>> = {};
      for (const criterion of ADDED_CRITERIA) {
        const mark = command[criterion];
        if (mark !== undefined) added[criterion] = mark;
      }
      return accept({
        type: 'observerFeedbackWritten',
        feedback: {
          authorId: actor.id,
          listening: command.listening,
          questionsOverAdvice: command.questionsOverAdvice,
          clientFloor: command.clientFloor,
          ...added,
          comment: command.comment,
          visibility: keptVisibility('observerFeedback', before?.visibility),
          at: now,
        },
      });
    },
  },
};

export const closingEvents: EventEntries<ClosingEvent> = {
  learningsWritten: {
    apply: (state, { learnings }) => putText(state, { kind: 'learnings', learnings }),
    privacy: aboutText(({ learnings }) => ({
      ref: { kind: 'learnings', id: learnings.authorId },
      version: { kind: 'learnings', learnings },
    })),
  },
  evaluationGiven: {
    apply: (state, { evaluation }) => putText(state, { kind: 'evaluation', evaluation }),
    privacy: aboutText(({ evaluation }) => ({
      ref: { kind: 'evaluation', id: evaluation.authorId },
      version: { kind: 'evaluation', evaluation },
    })),
  },
  // Anonymous totals: what the facilitator reads out, nobody's answer, and nothing at all until
  // they count enough answers to single nobody out [R48]. Once published a tally only grows, so
  // a panel that saw it never has to be told to forget it.
  evaluationTallied: {
    apply: (state, { tally }) => ({ ...state, evaluationTally: tally }),
    privacy: {
      audience: 'eachReader',
      show: (event) => (isPublishedTally(event.tally) ? event : null),
    },
  },
  observerFeedbackWritten: {
    apply: (state, { feedback }) => putText(state, { kind: 'observerFeedback', feedback }),
    privacy: aboutText(({ feedback }) => ({
      ref: { kind: 'observerFeedback', id: feedback.authorId },
      version: { kind: 'observerFeedback', feedback },
    })),
  },
};
