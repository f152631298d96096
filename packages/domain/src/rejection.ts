/** Why a command was refused. These are values, sent to the panel as codes, never thrown. */
export const Rejection = {
  notInSession: 'notInSession',
  alreadyJoined: 'alreadyJoined',
  sessionFull: 'sessionFull',
  notFacilitator: 'notFacilitator',
  sessionNotLive: 'sessionNotLive',
  sessionAlreadyStarted: 'sessionAlreadyStarted',
  sessionEnded: 'sessionEnded',
  staleStage: 'staleStage',
  stageOutOfRange: 'stageOutOfRange',
  sameStage: 'sameStage',
  nothingToUndo: 'nothingToUndo',
  timerAlreadyStarted: 'timerAlreadyStarted',
  timerNotRunning: 'timerNotRunning',
  timerNotPaused: 'timerNotPaused',
  invalidDuration: 'invalidDuration',
  unknownStage: 'unknownStage',
  tooManyStages: 'tooManyStages',
  cannotRemoveCurrentStage: 'cannotRemoveCurrentStage',
  cannotRemoveLastStage: 'cannotRemoveLastStage',
  unknownPerson: 'unknownPerson',
  facilitatorKeepsRole: 'facilitatorKeepsRole',
  alreadyFacilitator: 'alreadyFacilitator',
  invalidText: 'invalidText',
  unchanged: 'unchanged',
} as const;
export type Rejection = (typeof Rejection)[keyof typeof Rejection];

export const REJECTIONS: readonly Rejection[] = Object.values(Rejection);
