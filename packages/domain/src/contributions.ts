import type { CaseProposal, Contract, Question } from './content.ts';
import { without } from './record.ts';
import type { SessionState } from './session.ts';
import { type AuthoredText, TEXT_KIND_TABLE } from './textKinds.ts';
import type { TextKind } from './visibility.ts';

/** One kind of thing a person leaves in a session. */
interface Contribution<T> {
  /** What `personId` left of it: what their data export holds and erasing removes. */
  of(state: SessionState, personId: string): readonly T[];
  /** The session without it [R38]. */
  erase(state: SessionState, personId: string): SessionState;
}

/** A person's texts of one kind: those they are the author of, wherever they live. */
function texts(kind: TextKind): Contribution<AuthoredText> {
  const entry = TEXT_KIND_TABLE[kind];
  const mine = (state: SessionState, personId: string) =>
    entry.all(state).filter((found) => found.text.authorId === personId);
  return {
    of: (state, personId) => mine(state, personId).map((found) => found.text),
    erase: (state, personId) =>
      mine(state, personId).reduce((erased, found) => entry.remove(erased, found.ref.id), state),
  };
}

/**
 * Everything a person can leave in a session, once: counting it, exporting it and erasing it are
 * all read from here, so a new kind of contribution cannot be exported and forgotten by erasure.
 */
export const CONTRIBUTIONS = {
  note: texts('note'),
  debrief: texts('debrief'),
  suggestion: texts('suggestion'),
  actionPlan: texts('actionPlan'),
  learnings: texts('learnings'),
  evaluation: texts('evaluation'),
  observerFeedback: texts('observerFeedback'),
  boardSort: texts('boardSort'),
  clientNote: texts('clientNote'),
  stageNotes: texts('stageNotes'),
  // A question is its consultant's words, though said aloud; a flag on it stays the facilitator's.
  question: {
    of: (state, personId) => state.questions.filter((q) => q.authorId === personId),
    erase: (state, personId) => ({
      ...state,
      questions: state.questions.filter((q) => q.authorId !== personId),
    }),
  } satisfies Contribution<Question>,
  inclusionCard: {
    of: (state, personId) => {
      const cardId = state.inclusion?.picks[personId];
      return cardId ? [cardId] : [];
    },
    erase: (state, personId) =>
      state.inclusion
        ? { ...state, inclusion: { picks: without(state.inclusion.picks, personId) } }
        : state,
  } satisfies Contribution<string>,
  vote: {
    of: (state, personId) => {
      const caseId = state.votes[personId];
      return caseId ? [caseId] : [];
    },
    erase: (state, personId) => ({ ...state, votes: without(state.votes, personId) }),
  } satisfies Contribution<string>,
  // A chosen case keeps its place in the session's history, emptied; an emptied one is nobody's.
  case: {
    of: (state, personId) => state.cases.filter((c) => c.authorId === personId && c.title !== ''),
    erase: (state, personId) => {
      const chosen = new Set(state.consultations.map((c) => c.caseId));
      return {
        ...state,
        cases: state.cases
          .filter((c) => c.authorId !== personId || chosen.has(c.id))
          .map((c) => (c.authorId === personId ? { ...c, title: '', summary: '' } : c)),
      };
    },
  } satisfies Contribution<CaseProposal>,
  // The contract is the client's request: theirs, though the group reads it.
  contract: {
    of: (state, personId) =>
      state.consultations.flatMap((c) =>
        c.clientId === personId && c.contract ? [c.contract] : [],
      ),
    erase: (state, personId) => ({
      ...state,
      consultations: state.consultations.map((c) =>
        c.clientId === personId ? { ...c, contract: null } : c,
      ),
    }),
  } satisfies Contribution<Contract>,
} as const satisfies Record<TextKind, Contribution<unknown>> &
  Record<string, Contribution<unknown>>;

export type ContributionKind = keyof typeof CONTRIBUTIONS;
const CONTRIBUTION_KINDS = Object.keys(CONTRIBUTIONS) as ContributionKind[];

/** What a person left in a session, by kind: their data, as they export it. */
export type Contributions = {
  readonly [K in ContributionKind]: ReturnType<(typeof CONTRIBUTIONS)[K]['of']>;
};

export function contributionsOf(state: SessionState, personId: string): Contributions {
  return Object.fromEntries(
    CONTRIBUTION_KINDS.map((kind) => [kind, CONTRIBUTIONS[kind].of(state, personId)]),
  ) as unknown as Contributions;
}

/** How many things a person wrote or picked in a session: what erasing their data removes. */
export function textsBy(state: SessionState, personId: string): number {
  return CONTRIBUTION_KINDS.reduce(
    (count, kind) => count + CONTRIBUTIONS[kind].of(state, personId).length,
    0,
  );
}

/** Takes out everything a person wrote or picked [R38]. */
export function eraseContentOf(state: SessionState, personId: string): SessionState {
  return CONTRIBUTION_KINDS.reduce(
    (erased, kind) => CONTRIBUTIONS[kind].erase(erased, personId),
    state,
  );
}
