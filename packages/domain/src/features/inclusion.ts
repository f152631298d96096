import { type CommandEntries, WHILE_LIVE } from '../commandEntry.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { findInclusionCard } from '../inclusionDeck.ts';
import { Rejection } from '../rejection.ts';

/** The inclusion card game that opens the session [R25]. */
export type InclusionCommand =
  | { readonly type: 'launchInclusion' }
  | { readonly type: 'pickCard'; readonly cardId: string };

export type InclusionEvent =
  | { readonly type: 'inclusionLaunched' }
  | { readonly type: 'cardPicked'; readonly personId: string; readonly cardId: string };

export const inclusionCommands: CommandEntries<InclusionCommand> = {
  launchInclusion: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state) {
      if (state.inclusion) return reject(Rejection.unchanged);
      return accept({ type: 'inclusionLaunched' });
    },
  },
  pickCard: {
    who: 'member',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, { cardId }, actor) {
      if (!state.inclusion) return reject(Rejection.inclusionNotLaunched);
      if (!findInclusionCard(cardId)) return reject(Rejection.unknownCard);
      if (state.inclusion.picks[actor.id] === cardId) return reject(Rejection.unchanged);
      return accept({ type: 'cardPicked', personId: actor.id, cardId });
    },
  },
};

export const inclusionEvents: EventEntries<InclusionEvent> = {
  inclusionLaunched: {
    apply: (state) => ({ ...state, inclusion: { picks: {} } }),
    privacy: PUBLIC,
  },
  // The group sees the picks: telling why one picked a card is the game.
  cardPicked: {
    apply: (state, { personId, cardId }) => ({
      ...state,
      inclusion: { picks: { ...state.inclusion?.picks, [personId]: cardId } },
    }),
    privacy: PUBLIC,
  },
};
