import type { Decision } from './decision.ts';
import { Rejection } from './rejection.ts';
import { currentConsultation, Lifecycle, type Person, type SessionState } from './session.ts';

/** Whom a kind of command is for. Checked on the sender, before anything the command says. */
export const Sender = {
  /** Someone not in the roster yet: only they join. */
  newcomer: 'newcomer',
  member: 'member',
  /**
   * A member, someone the facilitator removed, or someone whose text the session holds without
   * them in its roster (the plan carried from the group's previous session): erasing one's data
   * outlives one's seat, and the retention sweep does it in their name too [R38] [R49].
   */
  memberOrAuthor: 'memberOrAuthor',
  /** A member who takes part in the exchange: observers observe. */
  participant: 'participant',
  facilitator: 'facilitator',
  observer: 'observer',
  /** A consultant: who asks the clarification questions [R60]. */
  consultant: 'consultant',
  /** The client of the consultation under way. */
  client: 'client',
  /**
   * A participant other than the client of the consultation under way, who listens to the
   * suggestions without debating them [R72].
   */
  adviser: 'adviser',
  /** The client of the group's previous consultation, who debriefs it. */
  previousClient: 'previousClient',
} as const;
export type Sender = (typeof Sender)[keyof typeof Sender];
export type MemberSender = Exclude<Sender, 'newcomer' | 'memberOrAuthor'>;

/** Why a member is not whom a command is for, or null when they are. */
export const SENDER_RULES: Readonly<
  Record<MemberSender, (state: SessionState, actor: Person) => Rejection | null>
> = {
  member: () => null,
  participant: (_state, actor) => (actor.role === 'observer' ? Rejection.observersObserve : null),
  facilitator: (_state, actor) => (actor.role === 'facilitator' ? null : Rejection.notFacilitator),
  observer: (_state, actor) => (actor.role === 'observer' ? null : Rejection.notObserver),
  consultant: (_state, actor) => {
    if (actor.role === 'consultant') return null;
    return actor.role === 'observer' ? Rejection.observersObserve : Rejection.notConsultant;
  },
  client: (state, actor) => {
    const consultation = currentConsultation(state);
    if (!consultation) return Rejection.noConsultation;
    return consultation.clientId === actor.id ? null : Rejection.notClient;
  },
  adviser: (state, actor) => {
    if (actor.role === 'observer') return Rejection.observersObserve;
    const consultation = currentConsultation(state);
    if (!consultation) return Rejection.noConsultation;
    return consultation.clientId === actor.id ? Rejection.clientListens : null;
  },
  previousClient: (state, actor) =>
    state.previous?.clientId === actor.id ? null : Rejection.notPreviousClient,
};

export const ANY_TIME: readonly Lifecycle[] = [
  Lifecycle.scheduled,
  Lifecycle.live,
  Lifecycle.ended,
];
export const UNTIL_THE_END: readonly Lifecycle[] = [Lifecycle.scheduled, Lifecycle.live];
/** What happens during the meeting itself. */
export const WHILE_LIVE: readonly Lifecycle[] = [Lifecycle.live];
export const BEFORE_THE_START: readonly Lifecycle[] = [Lifecycle.scheduled];

/** Why a command is refused in a phase it does not run in. */
export const PHASE_REFUSAL: Readonly<Record<Lifecycle, Rejection>> = {
  scheduled: Rejection.sessionNotLive,
  live: Rejection.sessionAlreadyStarted,
  ended: Rejection.sessionEnded,
};

interface Row {
  /** The lifecycle phases it is accepted in. */
  readonly when: readonly Lifecycle[];
  /**
   * It carries its author's whole text or answer: the last one sent is the one that counts, so an
   * earlier one still waiting to be sent (or sent again) is superseded by it.
   */
  readonly isWholeText: boolean;
}

// `decide` is written as a method so that a row for one command type serves where the table is
// read by any type: the dispatcher hands each row only commands of its own type.
export interface MemberRow<C> extends Row {
  readonly who: MemberSender;
  /** What the command does; whom it is for and when were checked before. */
  decide(state: SessionState, command: C, actor: Person, now: number): Decision;
}

/** A row whose sender may be outside the roster: it is given their id, not a person. */
interface OutsiderRow<C> extends Row {
  decide(state: SessionState, command: C, actorId: string, now: number): Decision;
}

export interface NewcomerRow<C> extends OutsiderRow<C> {
  readonly who: typeof Sender.newcomer;
}

export interface MemberOrAuthorRow<C> extends OutsiderRow<C> {
  readonly who: typeof Sender.memberOrAuthor;
}

export type CommandEntry<C> = MemberRow<C> | NewcomerRow<C> | MemberOrAuthorRow<C>;

/** One row per command type of `C`: the compiler refuses a type without its row. */
export type CommandEntries<C extends { readonly type: string }> = {
  readonly [T in C['type']]: CommandEntry<Extract<C, { readonly type: T }>>;
};
