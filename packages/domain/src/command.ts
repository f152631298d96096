import type { AssignableRole } from './role.ts';
import type { Presence } from './session.ts';
import type { Floor } from './stage.ts';

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
  | { readonly type: 'writeNote'; readonly text: string };

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
]);
