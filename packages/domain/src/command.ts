import type { CaseKind, HelpKind, SuggestionSort, Weather } from './content.ts';
import type { AssignableRole } from './role.ts';
import type { Presence } from './session.ts';
import type { Floor } from './stage.ts';
import type { TextRef, Visibility } from './visibility.ts';

export interface StageDuration {
  readonly stageKey: string;
  readonly plannedMs: number | null;
}

/**
 * What a person asks of the session. Commands that act on the stage carry the stage they act
 * from, so that two facilitator panels clicking at once cannot skip a stage twice.
 */
export type Command =
  | { readonly type: 'join'; readonly displayName: string }
  | { readonly type: 'startSession' }
  | { readonly type: 'endSession' }
  | { readonly type: 'goToStage'; readonly fromIndex: number; readonly toIndex: number }
  | { readonly type: 'undoStageChange'; readonly fromIndex: number }
  | { readonly type: 'startTimer' }
  | { readonly type: 'pauseTimer' }
  | { readonly type: 'resumeTimer' }
  | { readonly type: 'adjustTimer'; readonly deltaMs: number }
  | { readonly type: 'resetTimer' }
  | { readonly type: 'setStageDurations'; readonly durations: readonly StageDuration[] }
  | {
      readonly type: 'addStage';
      readonly atIndex: number;
      readonly title: string;
      readonly plannedMs: number | null;
      readonly floor: Floor;
    }
  | { readonly type: 'removeStage'; readonly stageKey: string }
  | { readonly type: 'moveStage'; readonly stageKey: string; readonly toIndex: number }
  | { readonly type: 'assignRole'; readonly personId: string; readonly role: AssignableRole }
  | { readonly type: 'handOverFacilitation'; readonly toPersonId: string }
  | { readonly type: 'rename'; readonly displayName: string }
  | { readonly type: 'setPresence'; readonly presence: Presence }
  | { readonly type: 'writeNote'; readonly text: string }
  | { readonly type: 'launchInclusion' }
  | { readonly type: 'pickCard'; readonly cardId: string }
  | {
      readonly type: 'writeDebrief';
      readonly tried: string;
      readonly worked: string;
      readonly didNotWork: string;
    }
  | {
      readonly type: 'proposeCase';
      readonly kind: CaseKind;
      readonly title: string;
      readonly summary: string;
    }
  | { readonly type: 'withdrawCase'; readonly caseId: string }
  | { readonly type: 'voteCase'; readonly caseId: string | null }
  | { readonly type: 'chooseCase'; readonly caseId: string }
  | { readonly type: 'raiseHand' }
  | { readonly type: 'lowerHand'; readonly personId: string }
  | { readonly type: 'giveFloor'; readonly personId: string | null }
  | { readonly type: 'startRound' }
  | { readonly type: 'nextTurn' }
  | {
      readonly type: 'writeContract';
      readonly request: string;
      readonly helpKinds: readonly HelpKind[];
    }
  | { readonly type: 'postSuggestion'; readonly text: string; readonly visibility: Visibility }
  | {
      readonly type: 'sortSuggestion';
      readonly suggestionId: string;
      readonly sort: SuggestionSort | null;
    }
  | {
      readonly type: 'writeActionPlan';
      readonly actions: readonly string[];
      readonly firstStep: string;
      readonly byWhen: string | null;
    }
  | { readonly type: 'writeLearnings'; readonly content: string; readonly process: string }
  | {
      readonly type: 'evaluate';
      readonly weather: Weather;
      readonly rating: number;
      readonly comment: string;
    }
  | {
      readonly type: 'writeObserverFeedback';
      readonly listening: number;
      readonly questionsOverAdvice: number;
      readonly clientFloor: number;
      readonly comment: string;
    }
  | { readonly type: 'setVisibility'; readonly ref: TextRef; readonly visibility: Visibility }
  | { readonly type: 'eraseMyContent' }
  | { readonly type: 'announceNextSession'; readonly sessionId: string }
  | {
      readonly type: 'planSession';
      readonly scheduledFor: string | null;
      readonly cycleSessions: number | null;
    };

export type CommandType = Command['type'];

export const COMMAND_TYPES = [
  'join',
  'startSession',
  'endSession',
  'goToStage',
  'undoStageChange',
  'startTimer',
  'pauseTimer',
  'resumeTimer',
  'adjustTimer',
  'resetTimer',
  'setStageDurations',
  'addStage',
  'removeStage',
  'moveStage',
  'assignRole',
  'handOverFacilitation',
  'rename',
  'setPresence',
  'writeNote',
  'launchInclusion',
  'pickCard',
  'writeDebrief',
  'proposeCase',
  'withdrawCase',
  'voteCase',
  'chooseCase',
  'raiseHand',
  'lowerHand',
  'giveFloor',
  'startRound',
  'nextTurn',
  'writeContract',
  'postSuggestion',
  'sortSuggestion',
  'writeActionPlan',
  'writeLearnings',
  'evaluate',
  'writeObserverFeedback',
  'setVisibility',
  'eraseMyContent',
  'announceNextSession',
  'planSession',
] as const satisfies readonly CommandType[];

/** Commands only the facilitator may issue. */
export const FACILITATOR_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
  'startSession',
  'endSession',
  'goToStage',
  'undoStageChange',
  'startTimer',
  'pauseTimer',
  'resumeTimer',
  'adjustTimer',
  'resetTimer',
  'setStageDurations',
  'addStage',
  'removeStage',
  'moveStage',
  'assignRole',
  'handOverFacilitation',
  'launchInclusion',
  'chooseCase',
  'giveFloor',
  'startRound',
  'nextTurn',
  'announceNextSession',
  'planSession',
]);

/**
 * Commands that carry their author's whole text or answer: the last one sent is the one that
 * counts, so an earlier one still waiting to be sent (or sent again) is superseded by it.
 */
export const WHOLE_TEXT_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
  'writeNote',
  'writeDebrief',
  'writeContract',
  'writeActionPlan',
  'writeLearnings',
  'evaluate',
  'writeObserverFeedback',
]);
