import type { EventEntries } from './eventEntry.ts';
import { type CaseEvent, caseEvents } from './features/cases.ts';
import { type ClarificationEvent, clarificationEvents } from './features/clarification.ts';
import { type ClosingEvent, closingEvents } from './features/closing.ts';
import { type ConsultationEvent, consultationEvents } from './features/consultation.ts';
import { type CycleEvent, cycleEvents } from './features/cycle.ts';
import { type DebriefEvent, debriefEvents } from './features/debrief.ts';
import { type EthicsEvent, ethicsEvents } from './features/ethics.ts';
import { type InclusionEvent, inclusionEvents } from './features/inclusion.ts';
import { type LifecycleEvent, lifecycleEvents } from './features/lifecycle.ts';
import { type NoteEvent, noteEvents } from './features/notes.ts';
import { type ObservationEvent, observationEvents } from './features/observation.ts';
import { type PrivacyEvent, privacyEvents } from './features/privacy.ts';
import { type RosterEvent, rosterEvents } from './features/roster.ts';
import { type StageEvent, stageEvents } from './features/stages.ts';
import { type TimerEvent, timerEvents } from './features/timer.ts';
import { type TurnEvent, turnEvents } from './features/turns.ts';

export type { SharedText } from './textKinds.ts';

/** What happened to a session. Events are facts: `apply` never refuses one. */
export type SessionEvent =
  | RosterEvent
  | LifecycleEvent
  | StageEvent
  | TimerEvent
  | NoteEvent
  | InclusionEvent
  | DebriefEvent
  | CaseEvent
  | TurnEvent
  | ConsultationEvent
  | ClosingEvent
  | PrivacyEvent
  | CycleEvent
  | EthicsEvent
  | ClarificationEvent
  | ObservationEvent;

export type SessionEventType = SessionEvent['type'];

/**
 * Every event's row: how it changes the session and who may receive it. `apply`, `visibleEvent`
 * and `isPublicEvent` are read from here, and the type refuses an event without its privacy.
 */
export const EVENTS: EventEntries<SessionEvent> = {
  ...rosterEvents,
  ...lifecycleEvents,
  ...stageEvents,
  ...timerEvents,
  ...noteEvents,
  ...inclusionEvents,
  ...debriefEvents,
  ...caseEvents,
  ...turnEvents,
  ...consultationEvents,
  ...closingEvents,
  ...privacyEvents,
  ...cycleEvents,
  ...ethicsEvents,
  ...clarificationEvents,
  ...observationEvents,
};

export const EVENT_TYPES = Object.keys(EVENTS) as readonly SessionEventType[];
