import type { StageDuration } from './command.ts';
import type { AssignableRole } from './role.ts';
import type { Person, Presence } from './session.ts';
import type { Stage } from './stage.ts';

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
    };

export type SessionEventType = SessionEvent['type'];
