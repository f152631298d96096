export { apply, applyAll } from './apply.ts';
export { assertNever } from './assertNever.ts';
export {
  CATALOGUE_STAGE_KEYS,
  type CatalogueStageKey,
  isCatalogueStageKey,
} from './catalogueStageKeys.ts';
export type { Command, CommandType, StageDuration } from './command.ts';
export { COMMAND_TYPES, FACILITATOR_COMMANDS, WHOLE_TEXT_COMMANDS } from './command.ts';
export { Sender } from './commandEntry.ts';
export type {
  ActionPlan,
  BoardSort,
  CaseProposal,
  ClientNote,
  Consultation,
  Contract,
  Debrief,
  Evaluation,
  EvaluationTally,
  Inclusion,
  Learnings,
  Note,
  ObserverFeedback,
  PreviousConsultation,
  Question,
  StageNote,
  StageNotes,
  Suggestion,
  Turns,
} from './content.ts';
export {
  CASE_KINDS,
  CaseKind,
  EMPTY_TALLY,
  GRID_CRITERIA,
  GRID_MAX,
  type GridCriterion,
  HELP_KINDS,
  HelpKind,
  NO_TURNS,
  publishedTally,
  RATING_MAX,
  SUGGESTION_SORTS,
  SuggestionSort,
  TALLY_MIN_COUNT,
  tallyOf,
  WEATHERS,
  Weather,
} from './content.ts';
export type { Contributions } from './contributions.ts';
export { contributionsOf, textsBy } from './contributions.ts';
export { CUSTOM_STAGE_GUIDANCE } from './customStageGuidance.ts';
export { type CycleConsultation, type CycleSession, carryOver, cycleDashboard } from './cycle.ts';
export {
  ACTIVE_MEMBERS_MAX,
  type CycleRoster,
  cycleRoster,
  publishedAverageRating,
  type RotationMember,
} from './cycleRoster.ts';
export { formatLongDate } from './dates.ts';
export type { Decision, Permission } from './decide.ts';
export { can, decide } from './decide.ts';
export { CONFIDENTIALITY_NOTICE, ETHICS_PRINCIPLES } from './ethicsCode.ts';
export type { SessionEvent, SessionEventType, SharedText } from './event.ts';
export { EVENT_TYPES } from './event.ts';
export { hasAcceptedEthics, notYetAcceptedEthics } from './features/ethics.ts';
export { isStageAhead } from './features/stages.ts';
export { findInclusionCard, INCLUSION_DECK, type InclusionCard } from './inclusionDeck.ts';
export { LIMITS } from './limits.ts';
export { isListeningOver } from './listening.ts';
export { LOCALES, Locale, type Localized, localize } from './localized.ts';
export { COMBINING_MARKS_MAX, cleanName, distinctName, isNameTaken } from './names.ts';
export { REJECTIONS, Rejection } from './rejection.ts';
export { ASSIGNABLE_ROLES, type AssignableRole, ROLES, Role } from './role.ts';
export type {
  CreateSessionInput,
  Person,
  SessionState,
  StageChange,
} from './session.ts';
export {
  clientOf,
  createSession,
  currentConsultation,
  currentStage,
  EMPTY_CONTENT,
  facilitatorOf,
  findPerson,
  LIFECYCLES,
  Lifecycle,
  PRESENCES,
  Presence,
  totalPlannedMs,
  upgradeState,
} from './session.ts';
export type { RebalanceProposal, SessionClock } from './sessionClock.ts';
export { proposeRebalance, REBALANCE_MIN_STAGE_MS, sessionClock } from './sessionClock.ts';
export { withSharedStages } from './sharedStages.ts';
export { FLOORS, Floor, MINUTE_MS, minutes, type Stage } from './stage.ts';
export { STAGE_CATALOGUE } from './stageCatalogue.ts';
export { frenchSpacing, sessionSummary } from './summary.ts';
export type { Template } from './templates.ts';
export { CLASSIC_SIX_STEPS, findTemplate, REMOTE_TWO_HOURS, TEMPLATES } from './templates.ts';
export { isValidName, isValidText } from './text.ts';
export {
  CARRIED_PLAN_ID,
  defaultVisibility,
  findText,
  KIND_VISIBILITIES,
} from './textKinds.ts';
export type { Timer, TimerStatus } from './timer.ts';
export {
  adjustTimer,
  elapsedMs,
  idleTimer,
  isCountingUp,
  isOvertime,
  remainingMs,
} from './timer.ts';
export type { SessionView } from './viewFor.ts';
export {
  applyToView,
  asReceivedView,
  isPublicEvent,
  STAGE_VIEWER_ID,
  viewFor,
  visibleEvent,
} from './viewFor.ts';
export {
  canRead,
  TEXT_KINDS,
  TextKind,
  type TextRef,
  VISIBILITIES,
  Visibility,
} from './visibility.ts';
