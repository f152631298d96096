import type { SessionEvent } from './event.ts';
import type { SessionState } from './session.ts';
import { findText, redactFor } from './texts.ts';
import { canRead } from './visibility.ts';

/**
 * What one person may see of a session: everything shared, and of each text only what its
 * visibility lets them read. A view has the session's shape, so panels apply visible events to it
 * with `apply`.
 */
export type SessionView = SessionState;

/**
 * Whom a shared screen (a meeting's stage) reads as: an id no person has — people get random
 * 16-character ids. Outside the roster, it reads no text written in the group, shared or not.
 */
export const STAGE_VIEWER_ID = 'stage';

export function viewFor(state: SessionState, personId: string): SessionView {
  return redactFor(state, personId);
}

/**
 * The event as a person may see it, or null when it is none of their business. `state` is the
 * session as it stands after the event (or later: replaying old events against a newer state
 * still converges on the right view, and never shows what the newer state hides).
 */
export function visibleEvent(
  event: SessionEvent,
  personId: string,
  state: SessionState,
): SessionEvent | null {
  // Someone outside the roster is not part of "the group", as in `redactFor`: no text reaches them.
  if (!isPublicEvent(event) && !state.people.some((p) => p.id === personId))
    return event.type === 'visibilityChanged' ? { type: 'textHidden', ref: event.ref } : null;
  switch (event.type) {
    case 'noteWritten':
      return canRead(
        personId,
        { authorId: event.authorId, visibility: event.visibility ?? 'me' },
        null,
      )
        ? event
        : null;
    case 'debriefWritten':
      return canRead(personId, event.debrief, null) ? event : null;
    case 'learningsWritten':
      return canRead(personId, event.learnings, null) ? event : null;
    case 'evaluationGiven':
      return canRead(personId, event.evaluation, null) ? event : null;
    case 'observerFeedbackWritten':
      return canRead(personId, event.feedback, null) ? event : null;
    case 'actionPlanWritten':
      return canRead(personId, event.plan, clientOfConsultation(state, event.consultationId))
        ? event
        : null;
    case 'suggestionPosted':
      return canRead(personId, event.suggestion, clientOfConsultation(state, event.consultationId))
        ? event
        : null;
    case 'suggestionSorted': {
      const found = findText(state, { kind: 'suggestion', id: event.suggestionId });
      return found && canRead(personId, found.text, found.clientId) ? event : null;
    }
    case 'visibilityChanged': {
      const found = findText(state, event.ref);
      if (found?.text.authorId === personId) return event;
      // A reader let in gets the whole text; everyone else is told to drop it if they had it.
      if (found && canRead(personId, found.text, found.clientId))
        return { type: 'textShown', text: found.shared };
      return { type: 'textHidden', ref: event.ref };
    }
    default:
      return event;
  }
}

const PER_READER: ReadonlySet<SessionEvent['type']> = new Set<SessionEvent['type']>([
  'noteWritten',
  'debriefWritten',
  'learningsWritten',
  'evaluationGiven',
  'observerFeedbackWritten',
  'actionPlanWritten',
  'suggestionPosted',
  'suggestionSorted',
  'visibilityChanged',
]);

/** True when every person sees this event the same way, so one encoded frame serves them all. */
export function isPublicEvent(event: SessionEvent): boolean {
  return !PER_READER.has(event.type);
}

function clientOfConsultation(state: SessionState, consultationId: string): string | null {
  return state.consultations.find((c) => c.id === consultationId)?.clientId ?? null;
}
