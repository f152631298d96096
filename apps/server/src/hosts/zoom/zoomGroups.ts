import { findPerson, Lifecycle, type SessionState } from '@cercle/domain';
import type { ZoomGroupOption } from '@cercle/protocol';
import type { ExternalLink, SessionStore } from '@cercle/storage';

/** How many of a host's latest sessions the set-up screen looks through for their groups. */
export const SETUP_SESSIONS_SCANNED = 50;

/**
 * Where a recurring meeting's series points: the session its latest occurrence held. Zoom keeps a
 * meeting's number across occurrences and gives each its own UUID; a UUID (base64) never holds a
 * colon, so this key cannot meet a meeting's own binding.
 */
export function zoomSeriesLink(meetingNumber: string): ExternalLink {
  return { provider: 'zoom', externalId: `meeting-number:${meetingNumber}` };
}

/** Who a Zoom user is in a group, from the identities bound in its sessions. */
export interface ZoomGroupMember {
  /** The person bound to them in the group's latest session that has one. */
  readonly personId: string;
  /** Whether the person bound to them held the facilitator's seat in one of its sessions. */
  readonly hasFacilitated: boolean;
}

/**
 * Finds a Zoom user in a group through their Zoom id, newest session first; null when none of the
 * group's sessions knows them. `exceptSessionId` leaves out the session being entered.
 */
export async function zoomMemberOf(
  store: SessionStore,
  groupId: string,
  userId: string,
  options: { readonly needsFacilitation: boolean; readonly exceptSessionId?: string },
): Promise<ZoomGroupMember | null> {
  let personId: string | null = null;
  let hasFacilitated = false;
  const newestFirst = (await store.groupSessions(groupId)).reverse();
  for (const sessionId of newestFirst) {
    if (sessionId === options.exceptSessionId) continue;
    const bound = await store.findIdentity(sessionId, 'zoom', userId);
    if (!bound) continue;
    personId ??= bound;
    if (!options.needsFacilitation) break;
    const loaded = await store.load(sessionId);
    if (loaded && findPerson(loaded.state, bound)?.role === 'facilitator') {
      hasFacilitated = true;
      break;
    }
  }
  return personId ? { personId, hasFacilitated } : null;
}

/** The facilitator's seat of a session, if anyone holds it. */
export function facilitatorOf(state: SessionState): string | null {
  return state.people.find((person) => person.role === 'facilitator')?.id ?? null;
}

/**
 * What a meeting set up with a group leads to: the group's latest session when it is not over
 * (planned from the panel, or under way in a meeting that restarted) and the host facilitates it,
 * otherwise a next session. Null when the latest session is not over but someone else facilitates
 * it: the host may not take it on, nor open another beside it.
 */
export function nextStepOf(
  states: readonly SessionState[],
  personId: string,
): { readonly resumes: SessionState | null; readonly sessionNumber: number } | null {
  const latest = states.at(-1);
  if (!latest || latest.lifecycle === Lifecycle.ended)
    return { resumes: null, sessionNumber: states.length + 1 };
  if (facilitatorOf(latest) !== personId) return null;
  return { resumes: latest, sessionNumber: states.length };
}

/**
 * The groups a Zoom user facilitated, as the set-up screen offers them: the group this recurring
 * meeting held last time first (`seriesGroupId`), then the most recently met. Only groups whose
 * facilitator's seat their Zoom id was bound to, in one of the group's sessions.
 */
export async function zoomGroupOptions(
  store: SessionStore,
  userId: string,
  seriesGroupId: string | null,
): Promise<ZoomGroupOption[]> {
  const groupIds: string[] = [];
  for (const seat of await store.identitySessions('zoom', userId, SETUP_SESSIONS_SCANNED))
    if (!groupIds.includes(seat.groupId)) groupIds.push(seat.groupId);
  const options: ZoomGroupOption[] = [];
  for (const groupId of groupIds) {
    const member = await zoomMemberOf(store, groupId, userId, { needsFacilitation: true });
    if (!member?.hasFacilitated) continue;
    const states: SessionState[] = [];
    for (const sessionId of await store.groupSessions(groupId)) {
      const loaded = await store.load(sessionId);
      if (loaded) states.push(loaded.state);
    }
    const latest = states.at(-1);
    const step = nextStepOf(states, member.personId);
    if (!latest || !step) continue;
    const lastHeld = states.findLast((state) => state.startedAt !== null);
    options.push({
      groupId,
      groupName: latest.groupName,
      templateKey: latest.templateKey,
      lastSessionAt: lastHeld?.startedAt ?? null,
      sessionNumber: step.sessionNumber,
      cycleSessions: latest.cycleSessions,
      resumes: step.resumes !== null,
      isUsualHere: groupId === seriesGroupId,
    });
  }
  // Stable: the rest keep the order of the host's latest sessions.
  return options.sort((a, b) => Number(b.isUsualHere) - Number(a.isUsualHere));
}
