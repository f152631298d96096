import { type CommandEntries, WHILE_LIVE } from '../commandEntry.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { Rejection } from '../rejection.ts';
import { currentConsultation, currentStage, findPerson } from '../session.ts';

/** A consultant's question the facilitator flagged as advice in disguise [R46]. */
export interface AdviceFlag {
  readonly personId: string;
  readonly consultationId: string;
  /** Where it was said: clarification asks for questions, not advice. */
  readonly stageKey: string;
  /** The recorded question it names, when the facilitator flagged one [R60]. */
  readonly questionId?: string;
  readonly at: number;
}

/** Who speaks and how: raised hands, rounds, the floor [R30], questions rather than advice [R46]. */
export type TurnCommand =
  | { readonly type: 'raiseHand' }
  | { readonly type: 'lowerHand'; readonly personId: string }
  | { readonly type: 'giveFloor'; readonly personId: string | null }
  | { readonly type: 'startRound' }
  | { readonly type: 'nextTurn' }
  | { readonly type: 'flagAdvice'; readonly personId: string; readonly questionId?: string };

export type TurnEvent =
  | { readonly type: 'handRaised'; readonly personId: string }
  | { readonly type: 'handLowered'; readonly personId: string }
  | { readonly type: 'floorGiven'; readonly personId: string | null }
  | { readonly type: 'roundStarted'; readonly order: readonly string[] }
  | { readonly type: 'adviceFlagged'; readonly flag: AdviceFlag };

export const turnCommands: CommandEntries<TurnCommand> = {
  raiseHand: {
    who: 'participant',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, _command, actor) {
      if (state.turns.hands.includes(actor.id)) return reject(Rejection.handAlreadyRaised);
      return accept({ type: 'handRaised', personId: actor.id });
    },
  },
  // A person lowers their own hand, the facilitator anyone's: who depends on whose hand.
  lowerHand: {
    who: 'member',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, { personId }, actor) {
      if (personId !== actor.id && actor.role !== 'facilitator')
        return reject(Rejection.notFacilitator);
      if (!state.turns.hands.includes(personId)) return reject(Rejection.handNotRaised);
      return accept({ type: 'handLowered', personId });
    },
  },
  giveFloor: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, { personId }) {
      if (personId !== null && !findPerson(state, personId)) return reject(Rejection.unknownPerson);
      if (state.turns.speakerId === personId) return reject(Rejection.unchanged);
      return accept({ type: 'floorGiven', personId });
    },
  },
  startRound: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state) {
      // A tour de table asks every consultant present, in the order they joined.
      const order = state.people
        .filter((p) => p.role === 'consultant' && p.presence === 'online')
        .map((p) => p.id);
      if (order.length === 0) return reject(Rejection.nobodyInRound);
      return accept({ type: 'roundStarted', order });
    },
  },
  nextTurn: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state) {
      const { round, speakerId } = state.turns;
      if (round.length === 0) return reject(Rejection.nobodyInRound);
      const at = speakerId === null ? -1 : round.indexOf(speakerId);
      const next = round[at + 1] ?? null;
      if (next === speakerId) return reject(Rejection.unchanged);
      return accept({ type: 'floorGiven', personId: next });
    },
  },
  flagAdvice: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, { personId, questionId }, _actor, now) {
      const consultation = currentConsultation(state);
      if (!consultation) return reject(Rejection.noConsultation);
      const person = findPerson(state, personId);
      if (!person) return reject(Rejection.unknownPerson);
      // The consultants ask the questions; the client answers them.
      if (person.role !== 'consultant') return reject(Rejection.invalidChoice);
      if (questionId !== undefined) {
        const question = state.questions.find(
          (q) => q.id === questionId && q.consultationId === consultation.id,
        );
        if (!question) return reject(Rejection.unknownText);
        if (question.authorId !== personId) return reject(Rejection.invalidChoice);
        if (state.adviceFlags.some((f) => f.questionId === questionId))
          return reject(Rejection.unchanged);
      }
      if (state.adviceFlags.length >= LIMITS.adviceFlagsMax) return reject(Rejection.tooManyItems);
      const stageKey = currentStage(state).key;
      const flag = { personId, consultationId: consultation.id, stageKey, at: now };
      return accept({
        type: 'adviceFlagged',
        flag: questionId === undefined ? flag : { ...flag, questionId },
      });
    },
  },
};

export const turnEvents: EventEntries<TurnEvent> = {
  handRaised: {
    apply: (state, { personId }) => ({
      ...state,
      turns: { ...state.turns, hands: [...state.turns.hands, personId] },
    }),
    privacy: PUBLIC,
  },
  handLowered: {
    apply: (state, { personId }) => ({
      ...state,
      turns: { ...state.turns, hands: state.turns.hands.filter((id) => id !== personId) },
    }),
    privacy: PUBLIC,
  },
  // Giving someone the floor lowers their hand.
  floorGiven: {
    apply: (state, { personId }) => ({
      ...state,
      turns: {
        ...state.turns,
        speakerId: personId,
        hands: state.turns.hands.filter((id) => id !== personId),
      },
    }),
    privacy: PUBLIC,
  },
  roundStarted: {
    apply: (state, { order }) => {
      const first = order[0] ?? null;
      return {
        ...state,
        turns: {
          round: order,
          speakerId: first,
          hands: state.turns.hands.filter((id) => id !== first),
        },
      };
    },
    privacy: PUBLIC,
  },
  // Said aloud in the group anyway, and what the observer's grid marks: the group's.
  adviceFlagged: {
    apply: (state, { flag }) => ({ ...state, adviceFlags: [...state.adviceFlags, flag] }),
    privacy: PUBLIC,
  },
};
