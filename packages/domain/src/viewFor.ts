import type { SessionEvent } from './event.ts';
import type { SessionState } from './session.ts';

/**
 * What one person may see of a session: everything shared, and of the private notes only their
 * own. A view has the session's shape, so panels apply visible events to it with `apply`.
 */
export type SessionView = SessionState;

export function viewFor(state: SessionState, personId: string): SessionView {
  const own = state.notes[personId];
  return { ...state, notes: own ? { [personId]: own } : {} };
}

/** The event as a person may see it, or null when it is none of their business. */
export function visibleEvent(event: SessionEvent, personId: string): SessionEvent | null {
  if (event.type === 'noteWritten' && event.authorId !== personId) return null;
  return event;
}

/** True when every person sees this event the same way, so one encoded frame serves them all. */
export function isPublicEvent(event: SessionEvent): boolean {
  return event.type !== 'noteWritten';
}
