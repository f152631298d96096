import type { SessionEvent } from './event.ts';
import type { SessionState } from './session.ts';
import type { Reader, SharedText } from './textKinds.ts';
import type { TextRef } from './visibility.ts';

/** The text an event is about, and the version of it the event carries (null: none, a sort). */
export interface TextVersion {
  readonly ref: TextRef;
  readonly version: SharedText | null;
}

/**
 * Who may receive an event. There is no default: a new event type states its audience or does
 * not compile.
 */
export type Privacy<E> =
  /** The same for every reader, so one encoded frame serves them all. */
  | { readonly audience: 'everyone' }
  /** Reaches those who may read the text as it is now, in its version of now. */
  | { readonly audience: 'readersOfText'; about(event: E): TextVersion }
  /** Worked out for each reader. */
  | {
      readonly audience: 'eachReader';
      show(event: E, reader: Reader, state: SessionState): SessionEvent | null;
    };

export const PUBLIC = { audience: 'everyone' } as const;

export function aboutText<E>(about: (event: E) => TextVersion): Privacy<E> {
  return { audience: 'readersOfText', about };
}

// Methods, so that a row for one event type serves where the table is read by any type.
export interface EventEntry<E> {
  /** The next state. Events are facts: this never refuses one. */
  apply(state: SessionState, event: E): SessionState;
  readonly privacy: Privacy<E>;
}

/** One row per event type of `E`: the compiler refuses a type without its apply and privacy. */
export type EventEntries<E extends { readonly type: string }> = {
  readonly [T in E['type']]: EventEntry<Extract<E, { readonly type: T }>>;
};
