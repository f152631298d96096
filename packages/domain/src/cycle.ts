import type { ActionPlan, Debrief, Learnings, PreviousConsultation } from './content.ts';
import { publishedAverageRating } from './cycleRoster.ts';
import type { Lifecycle, SessionState } from './session.ts';
import { viewFor } from './viewFor.ts';

/** What a new session of a group carries over from the sessions before it (oldest first). */
export function carryOver(sessions: readonly SessionState[]): {
  previous: PreviousConsultation | null;
  pastClientIds: string[];
  cycleSessions: number | null;
  removedIds: string[];
  ethicsAcceptedIds: string[];
} {
  const cycleSessions = sessions.at(-1)?.cycleSessions ?? null;
  // The code of ethics is accepted once in the group [R90].
  const ethicsAcceptedIds = [...new Set(sessions.flatMap((s) => s.ethicsAcceptedIds ?? []))];
  // Whom the facilitator removed stays out of the group's next sessions [R49].
  const removedIds = [...new Set(sessions.flatMap((s) => s.removedIds))];
  const pastClientIds = [
    ...new Set(sessions.flatMap((s) => s.consultations.map((c) => c.clientId))),
  ];
  for (const session of [...sessions].reverse()) {
    const consultation = session.consultations.at(-1);
    if (!consultation) continue;
    const client = session.people.find((p) => p.id === consultation.clientId);
    const proposal = session.cases.find((c) => c.id === consultation.caseId);
    return {
      previous: {
        sessionId: session.id,
        clientId: consultation.clientId,
        clientName: client?.displayName ?? '',
        caseTitle: proposal?.title ?? '',
        plan: consultation.plan,
      },
      pastClientIds,
      cycleSessions,
      removedIds,
      ethicsAcceptedIds,
    };
  }
  return { previous: null, pastClientIds, cycleSessions, removedIds, ethicsAcceptedIds };
}

export interface CycleConsultation {
  readonly clientName: string;
  readonly caseTitle: string;
  /** Null when the client keeps it to themselves. */
  readonly plan: ActionPlan | null;
  /** What the client told of it at the next session's debrief, when they share it. */
  readonly followUp: Debrief | null;
}

export interface CycleSession {
  readonly sessionId: string;
  readonly lifecycle: Lifecycle;
  readonly date: number;
  readonly scheduledFor: string | null;
  readonly attendees: readonly string[];
  readonly consultations: readonly CycleConsultation[];
  /** Learnings their authors shared with the group, by author name. */
  readonly learnings: readonly (Learnings & { readonly authorName: string })[];
  /** The evaluation's average rating, once its tally is published [R48]. */
  readonly averageRating: number | null;
}

/**
 * The capitalisation page of a cycle as one member may read it: each session's client, case,
 * attendance, plan and its follow-up, and the learnings shared with the group. Built from that
 * member's views, so nothing private to someone else gets in.
 */
export function cycleDashboard(
  sessions: readonly SessionState[],
  viewerId: string,
): CycleSession[] {
  const views = sessions.map((s) => viewFor(s, viewerId));
  return views.map((view, index) => {
    const next = views[index + 1];
    const nameOf = (id: string) => view.people.find((p) => p.id === id)?.displayName ?? '';
    return {
      sessionId: view.id,
      lifecycle: view.lifecycle,
      date: view.startedAt ?? view.createdAt,
      scheduledFor: view.scheduledFor,
      attendees: view.people.map((p) => p.displayName),
      consultations: view.consultations.map((c, i) => {
        const isLast = i === view.consultations.length - 1;
        const debrief = isLast && next?.previous?.sessionId === view.id ? next.debrief : null;
        return {
          clientName: nameOf(c.clientId),
          caseTitle: view.cases.find((p) => p.id === c.caseId)?.title ?? '',
          plan: c.plan,
          followUp: debrief,
        };
      }),
      learnings: Object.values(view.learnings)
        .filter((l) => l.visibility === 'group')
        .map((l) => ({ ...l, authorName: nameOf(l.authorId) })),
      averageRating: publishedAverageRating(view),
    };
  });
}
