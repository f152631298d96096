import type { Command, CommandType } from '../command.ts';
import type { PreviousConsultation } from '../content.ts';
import type { SessionState } from '../session.ts';
import { makeSession, run, T0 } from './builders.ts';

/** The previous session's client ('con') and their plan, as the server carries them over. */
export const PREVIOUS: PreviousConsultation = {
  sessionId: 'session-0',
  clientId: 'con',
  clientName: 'con',
  caseTitle: 'Réorganiser le service',
  plan: {
    authorId: 'con',
    actions: ['Rencontrer chaque agent'],
    firstStep: 'Fixer les rendez-vous',
    byWhen: '2026-12-15',
    visibility: 'group',
    at: T0 - 30 * 86_400_000,
  },
};

/**
 * Live, with the previous client 'con', a case by 'cli' chosen (so 'cli' is client of
 * consultation-1), a case by 'con' still open (case-2), and a suggestion by 'con' (suggestion-3).
 */
export function makeConsultingSession(): SessionState {
  let state = makeSession({ people: ['cli', 'con', 'obs'] });
  state = { ...state, previous: PREVIOUS, pastClientIds: ['con'] };
  state = run(state, 'fac', { type: 'assignRole', personId: 'obs', role: 'observer' });
  state = run(state, 'fac', { type: 'startSession' });
  state = run(state, 'cli', {
    type: 'proposeCase',
    kind: 'problem',
    title: 'Un agent en retrait',
    summary: 'Depuis trois mois…',
  });
  state = run(state, 'con', { type: 'proposeCase', kind: 'project', title: 'Fusion', summary: '' });
  state = run(state, 'fac', { type: 'chooseCase', caseId: 'case-1' });
  return run(state, 'con', { type: 'postSuggestion', text: 'Un entretien', visibility: 'group' });
}

/** One command of each content type, for a given actor, in the session above. */
export const CONTENT_SAMPLES: Partial<Record<CommandType, (actor: string) => Command>> = {
  launchInclusion: () => ({ type: 'launchInclusion' }),
  pickCard: () => ({ type: 'pickCard', cardId: 'sun' }),
  writeDebrief: () => ({ type: 'writeDebrief', tried: 'a', worked: 'b', didNotWork: 'c' }),
  proposeCase: () => ({ type: 'proposeCase', kind: 'preoccupation', title: 'T', summary: '' }),
  withdrawCase: () => ({ type: 'withdrawCase', caseId: 'case-2' }),
  voteCase: () => ({ type: 'voteCase', caseId: 'case-2' }),
  chooseCase: () => ({ type: 'chooseCase', caseId: 'case-2' }),
  raiseHand: () => ({ type: 'raiseHand' }),
  lowerHand: () => ({ type: 'lowerHand', personId: 'con' }),
  giveFloor: () => ({ type: 'giveFloor', personId: 'con' }),
  startRound: () => ({ type: 'startRound' }),
  nextTurn: () => ({ type: 'nextTurn' }),
  flagAdvice: () => ({ type: 'flagAdvice', personId: 'con' }),
  writeContract: () => ({ type: 'writeContract', request: 'Des pistes', helpKinds: ['ideas'] }),
  postSuggestion: () => ({ type: 'postSuggestion', text: 'Une idée', visibility: 'client' }),
  sortSuggestion: () => ({ type: 'sortSuggestion', suggestionId: 'suggestion-3', sort: 'keep' }),
  writeActionPlan: () => ({
    type: 'writeActionPlan',
    actions: ['Parler à l’agent'],
    firstStep: 'Proposer un café',
    byWhen: '2027-01-10',
  }),
  writeLearnings: () => ({ type: 'writeLearnings', content: 'c', process: 'p' }),
  evaluate: () => ({ type: 'evaluate', weather: 'sunny', rating: 4, comment: '' }),
  writeObserverFeedback: () => ({
    type: 'writeObserverFeedback',
    listening: 3,
    questionsOverAdvice: 2,
    clientFloor: 4,
    comment: '',
  }),
  setVisibility: (actor) => ({
    type: 'setVisibility',
    ref: { kind: 'learnings', id: actor },
    visibility: 'group',
  }),
  eraseMyContent: () => ({ type: 'eraseMyContent' }),
  acceptEthics: () => ({ type: 'acceptEthics' }),
  announceNextSession: () => ({ type: 'announceNextSession', sessionId: 'session-2' }),
  planSession: () => ({ type: 'planSession', scheduledFor: '2027-01-12', cycleSessions: 6 }),
  askQuestion: () => ({ type: 'askQuestion', text: 'Depuis quand ?' }),
  writeClientNote: () => ({ type: 'writeClientNote', text: 'Idée à creuser' }),
  addStageNote: () => ({ type: 'addStageNote', text: 'Bonne écoute' }),
};
