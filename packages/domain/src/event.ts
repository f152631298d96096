import type { StageDuration } from './command.ts';
import type {
  ActionPlan,
  CaseProposal,
  Contract,
  Debrief,
  Evaluation,
  EvaluationTally,
  Learnings,
  Note,
  ObserverFeedback,
  Suggestion,
  SuggestionSort,
} from './content.ts';
import type { AssignableRole } from './role.ts';
import type { Person, Presence } from './session.ts';
import type { Stage } from './stage.ts';
import type { TextRef, Visibility } from './visibility.ts';

/** A whole text with its place, as sent to someone who has just been let in to read it. */
export type SharedText =
  | { readonly kind: 'note'; readonly note: Note }
  | { readonly kind: 'debrief'; readonly debrief: Debrief }
  | {
      readonly kind: 'suggestion';
      readonly consultationId: string;
      readonly suggestion: Suggestion;
    }
  | { readonly kind: 'actionPlan'; readonly consultationId: string; readonly plan: ActionPlan }
  | { readonly kind: 'learnings'; readonly learnings: Learnings }
  | { readonly kind: 'evaluation'; readonly evaluation: Evaluation }
  | { readonly kind: 'observerFeedback'; readonly feedback: ObserverFeedback };

/** What happened to a session. Events are facts: `apply` never refuses one. */
export type SessionEvent =
  | { readonly type: 'personJoined'; readonly person: Person }
  | { readonly type: 'sessionStarted'; readonly at: number }
  | { readonly type: 'sessionEnded'; readonly at: number }
  | {
      readonly type: 'stageChanged';
      readonly fromIndex: number;
      readonly toIndex: number;
      readonly at: number;
    }
  | { readonly type: 'stageChangeUndone'; readonly at: number }
  | { readonly type: 'timerStarted'; readonly endsAt: number }
  | { readonly type: 'timerPaused'; readonly remainingMs: number }
  | { readonly type: 'timerResumed'; readonly endsAt: number }
  | { readonly type: 'timerAdjusted'; readonly deltaMs: number }
  | { readonly type: 'timerReset' }
  | { readonly type: 'stageDurationsChanged'; readonly durations: readonly StageDuration[] }
  | { readonly type: 'stageAdded'; readonly atIndex: number; readonly stage: Stage }
  | { readonly type: 'stageRemoved'; readonly stageKey: string }
  | { readonly type: 'stageMoved'; readonly stageKey: string; readonly toIndex: number }
  | { readonly type: 'roleAssigned'; readonly personId: string; readonly role: AssignableRole }
  | {
      readonly type: 'facilitationHandedOver';
      readonly fromPersonId: string;
      readonly toPersonId: string;
    }
  | { readonly type: 'personRenamed'; readonly personId: string; readonly displayName: string }
  | { readonly type: 'presenceChanged'; readonly personId: string; readonly presence: Presence }
  | {
      readonly type: 'noteWritten';
      readonly authorId: string;
      readonly text: string;
      readonly at: number;
      /** Absent in events recorded before notes could be shared: those were private. */
      readonly visibility?: Visibility;
    }
  | { readonly type: 'inclusionLaunched' }
  | { readonly type: 'cardPicked'; readonly personId: string; readonly cardId: string }
  | { readonly type: 'debriefWritten'; readonly debrief: Debrief }
  | { readonly type: 'caseProposed'; readonly proposal: CaseProposal }
  | { readonly type: 'caseWithdrawn'; readonly caseId: string }
  | { readonly type: 'voteCast'; readonly voterId: string; readonly caseId: string | null }
  | {
      readonly type: 'caseChosen';
      readonly caseId: string;
      readonly consultationId: string;
      readonly clientId: string;
    }
  | { readonly type: 'handRaised'; readonly personId: string }
  | { readonly type: 'handLowered'; readonly personId: string }
  | { readonly type: 'floorGiven'; readonly personId: string | null }
  | { readonly type: 'roundStarted'; readonly order: readonly string[] }
  | {
      readonly type: 'contractWritten';
      readonly consultationId: string;
      readonly contract: Contract;
    }
  | {
      readonly type: 'suggestionPosted';
      readonly consultationId: string;
      readonly suggestion: Suggestion;
    }
  | {
      readonly type: 'suggestionSorted';
      readonly consultationId: string;
      readonly suggestionId: string;
      readonly sort: SuggestionSort | null;
    }
  | {
      readonly type: 'actionPlanWritten';
      readonly consultationId: string;
      readonly plan: ActionPlan;
    }
  | { readonly type: 'learningsWritten'; readonly learnings: Learnings }
  | { readonly type: 'evaluationGiven'; readonly evaluation: Evaluation }
  | { readonly type: 'evaluationTallied'; readonly tally: EvaluationTally }
  | { readonly type: 'observerFeedbackWritten'; readonly feedback: ObserverFeedback }
  | { readonly type: 'visibilityChanged'; readonly ref: TextRef; readonly visibility: Visibility }
  /** Only ever sent to a reader let in by a visibility change: `decide` never records it. */
  | { readonly type: 'textShown'; readonly text: SharedText }
  /** Only ever sent to a reader shut out by a visibility change: `decide` never records it. */
  | { readonly type: 'textHidden'; readonly ref: TextRef }
  | { readonly type: 'contentErased'; readonly personId: string }
  | { readonly type: 'nextSessionAnnounced'; readonly sessionId: string }
  | {
      readonly type: 'sessionPlanned';
      readonly scheduledFor: string | null;
      readonly cycleSessions: number | null;
    };

export type SessionEventType = SessionEvent['type'];
