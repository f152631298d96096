import { apply } from './apply.ts';
import { assertNever } from './assertNever.ts';
import { publishedTally } from './content.ts';
import { EVENTS, type SessionEvent } from './event.ts';
import type { EventEntry, TextVersion } from './eventEntry.ts';
import { isSameValue } from './sameValue.ts';
import type { SessionState } from './session.ts';
import { everyText, findText, type Reader, readerOf, removeText } from './textKinds.ts';

declare const VIEW: unique symbol;

/**
 * What one person may see of a session: everything shared, and of each text only what its
 * visibility lets them read now. It has the session's shape, but only `viewFor` and `applyToView`
 * make one: a session that was not redacted is not a view.
 */
export type SessionView = SessionState & { readonly [VIEW]: true };

/**
 * Whom a shared screen (a meeting's stage) reads as: an id no person has — people get random
 * 16-character ids. Outside the roster, it reads no text written in the group, shared or not.
 */
export const STAGE_VIEWER_ID = 'stage';

/**
 * The session with every text `personId` may not read now taken out [R19] [R36], and the tally as
 * it is published [R48].
 */
export function viewFor(state: SessionState, personId: string): SessionView {
  const reader = readerOf(state, personId);
  const unread = everyText(state).filter((found) => !reader.reads(found));
  const redacted = unread.reduce((view, found) => removeText(view, found.ref), state);
  return { ...redacted, evaluationTally: publishedTally(state.evaluationTally) } as SessionView;
}

/**
 * A view a panel received, as a view: the server made it with `viewFor` for this reader and the
 * protocol checked its shape on arrival. The one way in for a view that did not come from
 * `viewFor` here; only the protocol's view schema calls it.
 */
export function asReceivedView(received: SessionState): SessionView {
  return received as SessionView;
}

/** Applies to a view an event as `visibleEvent` gave it to the view's reader: a view again. */
export function applyToView(view: SessionView, event: SessionEvent): SessionView {
  return apply(view, event) as SessionView;
}

/**
 * The event as a person may see it, or null when it is none of their business. Judged against
 * `state`, the session as it is now [R44]: replaying old events against it converges on the view
 * of now, and never shows a text, or a version of it, that the person may not read now.
 */
export function visibleEvent(
  event: SessionEvent,
  personId: string,
  state: SessionState,
): SessionEvent | null {
  const entry: EventEntry<SessionEvent> = EVENTS[event.type];
  const privacy = entry.privacy;
  switch (privacy.audience) {
    case 'everyone':
      return event;
    case 'readersOfText':
      return asOfNow(event, privacy.about(event), readerOf(state, personId), state);
    case 'eachReader':
      return privacy.show(event, readerOf(state, personId), state);
    default:
      return assertNever(privacy);
  }
}

/** A text event for a reader of the text now; an older version it holds gives way to today's. */
function asOfNow(
  event: SessionEvent,
  { ref, version }: TextVersion,
  reader: Reader,
  state: SessionState,
): SessionEvent | null {
  const found = findText(state, ref);
  if (!found || !reader.reads(found)) return null;
  if (version === null || isSameValue(version, found.shared)) return event;
  return { type: 'textShown', text: found.shared };
}

/** True when every person sees this event the same way, so one encoded frame serves them all. */
export function isPublicEvent(event: SessionEvent): boolean {
  return EVENTS[event.type].privacy.audience === 'everyone';
}
