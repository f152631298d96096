import { type CommandEntries, UNTIL_THE_END, WHILE_LIVE } from '../commandEntry.ts';
import { CASE_KINDS, type CaseKind, type CaseProposal, NO_TURNS } from '../content.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { cleanName } from '../names.ts';
import { without } from '../record.ts';
import { Rejection } from '../rejection.ts';
import { findPerson } from '../session.ts';
import { isShortText, isValidName } from '../text.ts';

/** Case proposals, the open vote and the facilitator's choice [R27]–[R29] [R40]. */
export type CaseCommand =
  | {
      readonly type: 'proposeCase';
      readonly kind: CaseKind;
      readonly title: string;
      readonly summary: string;
    }
  | { readonly type: 'withdrawCase'; readonly caseId: string }
  | { readonly type: 'voteCase'; readonly caseId: string | null }
  | { readonly type: 'chooseCase'; readonly caseId: string };

export type CaseEvent =
  | { readonly type: 'caseProposed'; readonly proposal: CaseProposal }
  | { readonly type: 'caseWithdrawn'; readonly caseId: string }
  | { readonly type: 'voteCast'; readonly voterId: string; readonly caseId: string | null }
  | {
      readonly type: 'caseChosen';
      readonly caseId: string;
      readonly consultationId: string;
      readonly clientId: string;
    };

export const caseCommands: CommandEntries<CaseCommand> = {
  proposeCase: {
    who: 'participant',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { kind, title, summary }, actor, now) {
      if (!CASE_KINDS.includes(kind)) return reject(Rejection.invalidChoice);
      if (!isValidName(title, LIMITS.caseTitleMaxChars) || !isShortText(summary))
        return reject(Rejection.invalidText);
      if (state.cases.length >= LIMITS.casesMax) return reject(Rejection.tooManyItems);
      return accept({
        type: 'caseProposed',
        proposal: {
          id: `case-${state.itemCount + 1}`,
          authorId: actor.id,
          kind,
          title: cleanName(title),
          summary: summary.trim(),
          at: now,
        },
      });
    },
  },
  withdrawCase: {
    who: 'member',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { caseId }, actor) {
      const proposal = state.cases.find((c) => c.id === caseId);
      if (!proposal) return reject(Rejection.unknownCase);
      if (proposal.authorId !== actor.id) return reject(Rejection.notAuthor);
      if (state.consultations.some((c) => c.caseId === proposal.id))
        return reject(Rejection.caseAlreadyChosen);
      return accept({ type: 'caseWithdrawn', caseId: proposal.id });
    },
  },
  voteCase: {
    who: 'participant',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { caseId }, actor) {
      if (caseId !== null && !state.cases.some((c) => c.id === caseId))
        return reject(Rejection.unknownCase);
      if ((state.votes[actor.id] ?? null) === caseId) return reject(Rejection.unchanged);
      return accept({ type: 'voteCast', voterId: actor.id, caseId });
    },
  },
  chooseCase: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, { caseId }) {
      const proposal = state.cases.find((c) => c.id === caseId);
      if (!proposal) return reject(Rejection.unknownCase);
      if (state.consultations.some((c) => c.caseId === proposal.id))
        return reject(Rejection.caseAlreadyChosen);
      if (state.consultations.length >= LIMITS.consultationsMax)
        return reject(Rejection.tooManyItems);
      const client = findPerson(state, proposal.authorId);
      if (!client) return reject(Rejection.unknownPerson);
      // The facilitator holds the frame; to bring a case they hand facilitation over first.
      if (client.role === 'facilitator') return reject(Rejection.facilitatorKeepsRole);
      return accept({
        type: 'caseChosen',
        caseId: proposal.id,
        consultationId: `consultation-${state.consultations.length + 1}`,
        clientId: client.id,
      });
    },
  },
};

export const caseEvents: EventEntries<CaseEvent> = {
  caseProposed: {
    apply: (state, { proposal }) => ({
      ...state,
      cases: [...state.cases, proposal],
      itemCount: state.itemCount + 1,
    }),
    privacy: PUBLIC,
  },
  caseWithdrawn: {
    apply: (state, { caseId }) => {
      const votes: Record<string, string> = {};
      for (const [voter, votedFor] of Object.entries(state.votes))
        if (votedFor !== caseId) votes[voter] = votedFor;
      return { ...state, cases: state.cases.filter((c) => c.id !== caseId), votes };
    },
    privacy: PUBLIC,
  },
  // Votes are open: the group chooses its subject together.
  voteCast: {
    apply: (state, { voterId, caseId }) => ({
      ...state,
      votes:
        caseId === null ? without(state.votes, voterId) : { ...state.votes, [voterId]: caseId },
    }),
    privacy: PUBLIC,
  },
  caseChosen: {
    apply: (state, { caseId, consultationId, clientId }) => ({
      ...state,
      consultations: [
        ...state.consultations,
        { id: consultationId, caseId, clientId, contract: null, suggestions: [], plan: null },
      ],
      // The case's author becomes the client; a previous client goes back to consulting.
      people: state.people.map((person) => {
        if (person.id === clientId) return { ...person, role: 'client' };
        if (person.role === 'client') return { ...person, role: 'consultant' };
        return person;
      }),
      votes: {},
      turns: NO_TURNS,
    }),
    privacy: PUBLIC,
  },
};
