import { isPublishedTally } from './content.ts';
import type { SessionState } from './session.ts';

/**
 * The method's working group: 8 people active at most; beyond, some sit out as observers
 * (CODEV.md, "The group and the cycle") [R50].
 */
export const ACTIVE_MEMBERS_MAX = 8;

/** One member of the group, as the cycle page shows the client rotation [R50]. */
export interface RotationMember {
  readonly personId: string;
  readonly name: string;
  /** Sessions of the cycle this person attended (held ones: live or ended). */
  readonly attended: number;
  /** How many times they were the client. */
  readonly timesClient: number;
  /** The session (1-based) where they first came: a member who joined mid-cycle shows it. */
  readonly firstSession: number;
}

export interface CycleRoster {
  /** Everyone in the group's latest session, plus whoever was a client before and left. */
  readonly members: readonly RotationMember[];
  /** Who could be the next client: members never client yet, most present first. */
  readonly suggestedClients: readonly string[];
  /** People taking part (not observing) in the latest session held (or planned, if none was). */
  readonly activeInLatest: number;
  readonly tooManyActive: boolean;
}

/**
 * The cycle's rotation, from the group's sessions (oldest first) [R50]: the method wants every
 * member to bring a case over a cycle, so the facilitator sees who has been client and who has
 * not. Names and roles only — shared facts every member reads in the roster; no text.
 */
export function cycleRoster(sessions: readonly SessionState[]): CycleRoster {
  const removed = new Set(sessions.flatMap((s) => s.removedIds));
  const byId = new Map<string, { name: string; attended: number; client: number; first: number }>();
  sessions.forEach((session, index) => {
    for (const person of session.people) {
      if (removed.has(person.id)) continue;
      const known = byId.get(person.id);
      // The latest name is the one people know them by.
      byId.set(person.id, {
        name: person.displayName,
        // A session planned and not begun has been attended by nobody yet.
        attended: (known?.attended ?? 0) + (session.lifecycle === 'scheduled' ? 0 : 1),
        client: known?.client ?? 0,
        first: known?.first ?? index + 1,
      });
    }
    for (const consultation of session.consultations) {
      const known = byId.get(consultation.clientId);
      if (known) known.client += 1;
    }
  });
  const members = [...byId].map(([personId, m]) => ({
    personId,
    name: m.name,
    attended: m.attended,
    timesClient: m.client,
    firstSession: m.first,
  }));
  const latest = sessions.at(-1);
  // A session planned but not begun has only those who opened it yet: the group's size is read
  // from the latest session held.
  const held = sessions.findLast((s) => s.lifecycle !== 'scheduled') ?? latest;
  const activeInLatest = held?.people.filter((p) => p.role !== 'observer').length ?? 0;
  const facilitatorId = latest?.people.find((p) => p.role === 'facilitator')?.id;
  const suggestedClients = members
    // The facilitator leads the session: they are not its client.
    .filter((m) => m.timesClient === 0 && m.personId !== facilitatorId)
    .sort((a, b) => b.attended - a.attended || a.name.localeCompare(b.name, 'fr'))
    .map((m) => m.personId);
  return {
    members,
    suggestedClients,
    activeInLatest,
    tooManyActive: activeInLatest > ACTIVE_MEMBERS_MAX,
  };
}

/**
 * A session's average rating as the group may read it: only once the tally is published
 * (at least three answers, R48), else null.
 */
export function publishedAverageRating(state: SessionState): number | null {
  const tally = state.evaluationTally;
  if (!isPublishedTally(tally) || tally.count === 0) return null;
  return Math.round((tally.ratingSum / tally.count) * 10) / 10;
}
