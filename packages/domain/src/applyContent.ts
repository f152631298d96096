import { assertNever } from './assertNever.ts';
import { type Consultation, NO_TURNS } from './content.ts';
import type { SessionEvent, SharedText } from './event.ts';
import type { SessionState } from './session.ts';
import { findText } from './texts.ts';
import type { TextRef, Visibility } from './visibility.ts';

export type ContentEvent = Extract<
  SessionEvent,
  {
    type:
      | 'inclusionLaunched'
      | 'cardPicked'
      | 'debriefWritten'
      | 'caseProposed'
      | 'caseWithdrawn'
      | 'voteCast'
      | 'caseChosen'
      | 'handRaised'
      | 'handLowered'
      | 'floorGiven'
      | 'roundStarted'
      | 'contractWritten'
      | 'suggestionPosted'
      | 'suggestionSorted'
      | 'actionPlanWritten'
      | 'learningsWritten'
      | 'evaluationGiven'
      | 'evaluationTallied'
      | 'observerFeedbackWritten'
      | 'visibilityChanged'
      | 'textShown'
      | 'textHidden'
      | 'contentErased'
      | 'nextSessionAnnounced'
      | 'sessionPlanned';
  }
>;

function withConsultation(
  state: SessionState,
  consultationId: string,
  change: (consultation: Consultation) => Consultation,
): SessionState {
  return {
    ...state,
    consultations: state.consultations.map((c) => (c.id === consultationId ? change(c) : c)),
  };
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/** Puts a whole text in its place, replacing any earlier version. */
function putText(state: SessionState, text: SharedText): SessionState {
  switch (text.kind) {
    case 'note':
      return { ...state, notes: { ...state.notes, [text.note.authorId]: text.note } };
    case 'debrief':
      return { ...state, debrief: text.debrief };
    case 'learnings':
      return {
        ...state,
        learnings: { ...state.learnings, [text.learnings.authorId]: text.learnings },
      };
    case 'evaluation':
      return {
        ...state,
        evaluations: { ...state.evaluations, [text.evaluation.authorId]: text.evaluation },
      };
    case 'observerFeedback':
      return {
        ...state,
        observerFeedback: { ...state.observerFeedback, [text.feedback.authorId]: text.feedback },
      };
    case 'actionPlan':
      return withConsultation(state, text.consultationId, (c) => ({ ...c, plan: text.plan }));
    case 'suggestion':
      return withConsultation(state, text.consultationId, (c) => {
        const others = c.suggestions.filter((s) => s.id !== text.suggestion.id);
        // Suggestions keep the order they were posted in, whoever was let in to read them late.
        const suggestions = [...others, text.suggestion].sort((a, b) =>
          a.at === b.at ? a.id.localeCompare(b.id) : a.at - b.at,
        );
        return { ...c, suggestions };
      });
    default:
      return assertNever(text);
  }
}

function removeText(state: SessionState, ref: TextRef): SessionState {
  switch (ref.kind) {
    case 'note':
      return { ...state, notes: without(state.notes, ref.id) };
    case 'debrief':
      return state.debrief?.authorId === ref.id ? { ...state, debrief: null } : state;
    case 'learnings':
      return { ...state, learnings: without(state.learnings, ref.id) };
    case 'evaluation':
      return { ...state, evaluations: without(state.evaluations, ref.id) };
    case 'observerFeedback':
      return { ...state, observerFeedback: without(state.observerFeedback, ref.id) };
    case 'actionPlan':
      return withConsultation(state, ref.id, (c) => ({ ...c, plan: null }));
    case 'suggestion':
      return {
        ...state,
        consultations: state.consultations.map((c) => ({
          ...c,
          suggestions: c.suggestions.filter((s) => s.id !== ref.id),
        })),
      };
    default:
      return assertNever(ref.kind);
  }
}

function changeVisibility(state: SessionState, ref: TextRef, visibility: Visibility): SessionState {
  const found = findText(state, ref);
  if (!found) return state;
  const shared = found.shared;
  switch (shared.kind) {
    case 'note':
      return putText(state, { ...shared, note: { ...shared.note, visibility } });
    case 'debrief':
      return putText(state, { ...shared, debrief: { ...shared.debrief, visibility } });
    case 'learnings':
      return putText(state, { ...shared, learnings: { ...shared.learnings, visibility } });
    case 'evaluation':
      return putText(state, { ...shared, evaluation: { ...shared.evaluation, visibility } });
    case 'observerFeedback':
      return putText(state, { ...shared, feedback: { ...shared.feedback, visibility } });
    case 'actionPlan':
      return putText(state, { ...shared, plan: { ...shared.plan, visibility } });
    case 'suggestion':
      return putText(state, { ...shared, suggestion: { ...shared.suggestion, visibility } });
    default:
      return assertNever(shared);
  }
}

/** Takes out everything a person wrote or picked; a chosen case keeps its place, emptied. */
function eraseContentOf(state: SessionState, personId: string): SessionState {
  const chosen = new Set(state.consultations.map((c) => c.caseId));
  return {
    ...state,
    notes: without(state.notes, personId),
    learnings: without(state.learnings, personId),
    evaluations: without(state.evaluations, personId),
    observerFeedback: without(state.observerFeedback, personId),
    votes: without(state.votes, personId),
    debrief: state.debrief?.authorId === personId ? null : state.debrief,
    inclusion: state.inclusion && { picks: without(state.inclusion.picks, personId) },
    cases: state.cases
      .filter((c) => c.authorId !== personId || chosen.has(c.id))
      .map((c) => (c.authorId === personId ? { ...c, title: '', summary: '' } : c)),
    previous:
      state.previous?.clientId === personId ? { ...state.previous, plan: null } : state.previous,
    consultations: state.consultations.map((c) => ({
      ...c,
      contract: c.clientId === personId ? null : c.contract,
      plan: c.clientId === personId ? null : c.plan,
      suggestions: c.suggestions.filter((s) => s.authorId !== personId),
    })),
  };
}

export function applyContent(state: SessionState, event: ContentEvent): SessionState {
  switch (event.type) {
    case 'inclusionLaunched':
      return { ...state, inclusion: { picks: {} } };
    case 'cardPicked':
      return {
        ...state,
        inclusion: { picks: { ...state.inclusion?.picks, [event.personId]: event.cardId } },
      };
    case 'debriefWritten':
      return { ...state, debrief: event.debrief };
    case 'caseProposed':
      return { ...state, cases: [...state.cases, event.proposal], itemCount: state.itemCount + 1 };
    case 'caseWithdrawn': {
      const votes: Record<string, string> = {};
      for (const [voter, caseId] of Object.entries(state.votes))
        if (caseId !== event.caseId) votes[voter] = caseId;
      return { ...state, cases: state.cases.filter((c) => c.id !== event.caseId), votes };
    }
    case 'voteCast':
      return {
        ...state,
        votes:
          event.caseId === null
            ? without(state.votes, event.voterId)
            : { ...state.votes, [event.voterId]: event.caseId },
      };
    case 'caseChosen':
      return {
        ...state,
        consultations: [
          ...state.consultations,
          {
            id: event.consultationId,
            caseId: event.caseId,
            clientId: event.clientId,
            contract: null,
            suggestions: [],
            plan: null,
          },
        ],
        // The case's author becomes the client; a previous client goes back to consulting.
        people: state.people.map((person) => {
          if (person.id === event.clientId) return { ...person, role: 'client' };
          if (person.role === 'client') return { ...person, role: 'consultant' };
          return person;
        }),
        votes: {},
        turns: NO_TURNS,
      };
    case 'handRaised':
      return {
        ...state,
        turns: { ...state.turns, hands: [...state.turns.hands, event.personId] },
      };
    case 'handLowered':
      return {
        ...state,
        turns: { ...state.turns, hands: state.turns.hands.filter((id) => id !== event.personId) },
      };
    case 'floorGiven':
      return {
        ...state,
        turns: {
          ...state.turns,
          speakerId: event.personId,
          hands: state.turns.hands.filter((id) => id !== event.personId),
        },
      };
    case 'roundStarted': {
      const first = event.order[0] ?? null;
      return {
        ...state,
        turns: {
          round: event.order,
          speakerId: first,
          hands: state.turns.hands.filter((id) => id !== first),
        },
      };
    }
    case 'contractWritten':
      return withConsultation(state, event.consultationId, (c) => ({
        ...c,
        contract: event.contract,
      }));
    case 'suggestionPosted':
      return {
        ...withConsultation(state, event.consultationId, (c) => ({
          ...c,
          suggestions: [...c.suggestions, event.suggestion],
        })),
        itemCount: state.itemCount + 1,
      };
    case 'suggestionSorted':
      return withConsultation(state, event.consultationId, (c) => ({
        ...c,
        suggestions: c.suggestions.map((s) =>
          s.id === event.suggestionId ? { ...s, sort: event.sort } : s,
        ),
      }));
    case 'actionPlanWritten':
      return putText(state, {
        kind: 'actionPlan',
        consultationId: event.consultationId,
        plan: event.plan,
      });
    case 'learningsWritten':
      return putText(state, { kind: 'learnings', learnings: event.learnings });
    case 'evaluationGiven':
      return putText(state, { kind: 'evaluation', evaluation: event.evaluation });
    case 'evaluationTallied':
      return { ...state, evaluationTally: event.tally };
    case 'observerFeedbackWritten':
      return putText(state, { kind: 'observerFeedback', feedback: event.feedback });
    case 'visibilityChanged':
      return changeVisibility(state, event.ref, event.visibility);
    case 'textShown':
      return putText(state, event.text);
    case 'textHidden':
      return removeText(state, event.ref);
    case 'contentErased':
      return eraseContentOf(state, event.personId);
    case 'nextSessionAnnounced':
      return { ...state, nextSessionId: event.sessionId };
    case 'sessionPlanned':
      return { ...state, scheduledFor: event.scheduledFor, cycleSessions: event.cycleSessions };
    default:
      return assertNever(event);
  }
}
