import { type CommandEntries, UNTIL_THE_END } from '../commandEntry.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { Rejection } from '../rejection.ts';
import type { SessionState } from '../session.ts';

/**
 * The group's code of ethics (confidentiality, listening, kindness, no hierarchy), which each
 * person accepts once in the group [R90].
 */
export type EthicsCommand = { readonly type: 'acceptEthics' };

export type EthicsEvent = { readonly type: 'ethicsAccepted'; readonly personId: string };

export const ethicsCommands: CommandEntries<EthicsCommand> = {
  // Everyone accepts it, observers included: they hear the case like the others.
  acceptEthics: {
    who: 'member',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, _command, actor) {
      if (hasAcceptedEthics(state, actor.id)) return reject(Rejection.unchanged);
      return accept({ type: 'ethicsAccepted', personId: actor.id });
    },
  },
};

export const ethicsEvents: EventEntries<EthicsEvent> = {
  // The group sees who has accepted: the facilitator checks before the case is told.
  ethicsAccepted: {
    apply: (state, { personId }) => ({
      ...state,
      ethicsAcceptedIds: [...state.ethicsAcceptedIds, personId],
    }),
    privacy: PUBLIC,
  },
};

export function hasAcceptedEthics(state: SessionState, personId: string): boolean {
  return state.ethicsAcceptedIds.includes(personId);
}

/** The people in the roster who have not accepted the code of ethics yet, in joining order. */
export function notYetAcceptedEthics(state: SessionState): readonly string[] {
  return state.people.map((p) => p.id).filter((id) => !hasAcceptedEthics(state, id));
}
