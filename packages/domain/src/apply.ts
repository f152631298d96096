import { EVENTS, type SessionEvent } from './event.ts';
import type { EventEntry } from './eventEntry.ts';
import type { SessionState } from './session.ts';

/** Applies a recorded event. Events are facts: this never refuses, and is shared by server and panel. */
export function apply(state: SessionState, event: SessionEvent): SessionState {
  const entry: EventEntry<SessionEvent> = EVENTS[event.type];
  return entry.apply(state, event);
}

export function applyAll(state: SessionState, events: readonly SessionEvent[]): SessionState {
  return events.reduce(apply, state);
}
