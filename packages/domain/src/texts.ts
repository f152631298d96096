import type { SharedText } from './event.ts';
import type { SessionState } from './session.ts';
import { canRead, type TextRef, type Visibility } from './visibility.ts';

interface Authored {
  readonly authorId: string;
  readonly visibility: Visibility;
}

export interface FoundText {
  readonly text: Authored;
  readonly shared: SharedText;
  /** The client the text may be addressed to: its consultation's, for a suggestion. */
  readonly clientId: string | null;
}

/** Finds a text with a visibility by its reference. */
export function findText(state: SessionState, ref: TextRef): FoundText | null {
  switch (ref.kind) {
    case 'note': {
      const note = state.notes[ref.id];
      return note ? { text: note, shared: { kind: 'note', note }, clientId: null } : null;
    }
    case 'debrief': {
      const debrief = state.debrief;
      return debrief && debrief.authorId === ref.id
        ? { text: debrief, shared: { kind: 'debrief', debrief }, clientId: null }
        : null;
    }
    case 'learnings': {
      const learnings = state.learnings[ref.id];
      return learnings
        ? { text: learnings, shared: { kind: 'learnings', learnings }, clientId: null }
        : null;
    }
    case 'evaluation': {
      const evaluation = state.evaluations[ref.id];
      return evaluation
        ? { text: evaluation, shared: { kind: 'evaluation', evaluation }, clientId: null }
        : null;
    }
    case 'observerFeedback': {
      const feedback = state.observerFeedback[ref.id];
      return feedback
        ? { text: feedback, shared: { kind: 'observerFeedback', feedback }, clientId: null }
        : null;
    }
    case 'actionPlan': {
      const consultation = state.consultations.find((c) => c.id === ref.id);
      const plan = consultation?.plan;
      return consultation && plan
        ? {
            text: plan,
            shared: { kind: 'actionPlan', consultationId: consultation.id, plan },
            clientId: consultation.clientId,
          }
        : null;
    }
    case 'suggestion':
      for (const consultation of state.consultations) {
        const suggestion = consultation.suggestions.find((s) => s.id === ref.id);
        if (suggestion)
          return {
            text: suggestion,
            shared: { kind: 'suggestion', consultationId: consultation.id, suggestion },
            clientId: consultation.clientId,
          };
      }
      return null;
    default:
      return null;
  }
}

/** How many things a person wrote or picked in a session: what erasing their data removes. */
export function textsBy(state: SessionState, personId: string): number {
  let count = 0;
  if (state.notes[personId]) count++;
  if (state.debrief?.authorId === personId) count++;
  if (state.learnings[personId]) count++;
  if (state.evaluations[personId]) count++;
  if (state.observerFeedback[personId]) count++;
  if (state.inclusion?.picks[personId]) count++;
  if (state.votes[personId]) count++;
  count += state.cases.filter((c) => c.authorId === personId && c.title !== '').length;
  for (const consultation of state.consultations) {
    count += consultation.suggestions.filter((s) => s.authorId === personId).length;
    if (consultation.clientId === personId && (consultation.contract || consultation.plan)) count++;
  }
  return count;
}

type Reader = (text: Authored, clientId: string | null) => boolean;

/** Keeps only what the reader may read of a record of texts by author. */
function readable<T extends Authored>(
  texts: Readonly<Record<string, T>>,
  reads: Reader,
): Record<string, T> {
  const kept: Record<string, T> = {};
  for (const [authorId, text] of Object.entries(texts))
    if (reads(text, null)) kept[authorId] = text;
  return kept;
}

/**
 * The session with every text `viewerId` may not read taken out. The one place, with
 * `visibleEvent`, that decides what leaves the server.
 */
export function redactFor(state: SessionState, viewerId: string): SessionState {
  const previousPlan = state.previous?.plan;
  // Someone outside the roster is not part of "the group": they read nothing written in it.
  const member = state.people.some((p) => p.id === viewerId);
  const reads: Reader = (text, clientId) => member && canRead(viewerId, text, clientId);
  return {
    ...state,
    notes: readable(state.notes, reads),
    learnings: readable(state.learnings, reads),
    evaluations: readable(state.evaluations, reads),
    observerFeedback: readable(state.observerFeedback, reads),
    debrief: state.debrief && reads(state.debrief, null) ? state.debrief : null,
    previous:
      state.previous && previousPlan && !reads(previousPlan, null)
        ? { ...state.previous, plan: null }
        : state.previous,
    consultations: state.consultations.map((consultation) => ({
      ...consultation,
      suggestions: consultation.suggestions.filter((s) => reads(s, consultation.clientId)),
      plan:
        consultation.plan && reads(consultation.plan, consultation.clientId)
          ? consultation.plan
          : null,
    })),
  };
}
