import { ANY_TIME, type CommandEntries, UNTIL_THE_END } from '../commandEntry.ts';
import {
  type ActionPlan,
  type Consultation,
  type Contract,
  HELP_KINDS,
  type HelpKind,
  SUGGESTION_SORTS,
  type Suggestion,
  type SuggestionSort,
} from '../content.ts';
import { accept, reject } from '../decision.ts';
import { aboutText, type EventEntries, PUBLIC } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { consultationItem } from '../newItem.ts';
import { without } from '../record.ts';
import { Rejection } from '../rejection.ts';
import { currentConsultation, type SessionState, withConsultation } from '../session.ts';
import { isCalendarDate, isShortText } from '../text.ts';
import { KIND_VISIBILITIES, keptVisibility, putText } from '../textKinds.ts';
import type { Visibility } from '../visibility.ts';

/** One consultation's contract, suggestions board and action plan [R31]–[R33]. */
export type ConsultationCommand =
  | {
      readonly type: 'writeContract';
      readonly request: string;
      readonly helpKinds: readonly HelpKind[];
    }
  | { readonly type: 'postSuggestion'; readonly text: string; readonly visibility: Visibility }
  | {
      readonly type: 'sortSuggestion';
      readonly suggestionId: string;
      readonly sort: SuggestionSort | null;
    }
  | {
      readonly type: 'writeActionPlan';
      readonly actions: readonly string[];
      readonly firstStep: string;
      readonly byWhen: string | null;
    };

export type ConsultationEvent =
  | {
      readonly type: 'contractWritten';
      readonly consultationId: string;
      readonly contract: Contract;
    }
  | {
      readonly type: 'suggestionPosted';
      readonly consultationId: string;
      readonly suggestion: Suggestion;
    }
  | {
      readonly type: 'suggestionSorted';
      readonly consultationId: string;
      readonly suggestionId: string;
      readonly sort: SuggestionSort | null;
    }
  | {
      readonly type: 'actionPlanWritten';
      readonly consultationId: string;
      readonly plan: ActionPlan;
    };

/** The consultation of a command sent by its client: the `client` sender rule found it. */
function clientsConsultation(state: SessionState): Consultation {
  const consultation = currentConsultation(state);
  if (!consultation) throw new Error('a client command reached decide without a consultation');
  return consultation;
}

export const consultationCommands: CommandEntries<ConsultationCommand> = {
  writeContract: {
    who: 'client',
    when: UNTIL_THE_END,
    isWholeText: true,
    decide(state, { request, helpKinds }, _actor, now) {
      const consultation = clientsConsultation(state);
      if (!isShortText(request)) return reject(Rejection.invalidText);
      const kinds = [...new Set(helpKinds)];
      if (!kinds.every((kind) => HELP_KINDS.includes(kind))) return reject(Rejection.invalidChoice);
      const ordered = HELP_KINDS.filter((kind) => kinds.includes(kind));
      const before = consultation.contract;
      if (before?.request === request && before.helpKinds.join() === ordered.join())
        return reject(Rejection.unchanged);
      return accept({
        type: 'contractWritten',
        consultationId: consultation.id,
        contract: { request, helpKinds: ordered, at: now },
      });
    },
  },
  // The client listens and notes, in their own notes; they speak at the synthesis [R72].
  postSuggestion: {
    who: 'adviser',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, command, actor, now) {
      const item = consultationItem(state, command.text);
      if (typeof item === 'string') return reject(item);
      const { consultation, text } = item;
      if (!KIND_VISIBILITIES.suggestion.includes(command.visibility))
        return reject(Rejection.invalidVisibility);
      if (consultation.suggestions.length >= LIMITS.suggestionsMax)
        return reject(Rejection.tooManyItems);
      return accept({
        type: 'suggestionPosted',
        consultationId: consultation.id,
        suggestion: {
          id: `suggestion-${state.itemCount + 1}`,
          authorId: actor.id,
          text,
          visibility: command.visibility,
          at: now,
        },
      });
    },
  },
  // Only the client of the suggestion's own consultation sorts it: who depends on which one.
  sortSuggestion: {
    who: 'member',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { suggestionId, sort }, actor) {
      const consultation = state.consultations.find((c) =>
        c.suggestions.some((s) => s.id === suggestionId),
      );
      const suggestion = consultation?.suggestions.find((s) => s.id === suggestionId);
      if (!consultation || !suggestion) return reject(Rejection.unknownText);
      if (consultation.clientId !== actor.id) return reject(Rejection.notClient);
      if (sort !== null && !SUGGESTION_SORTS.includes(sort)) return reject(Rejection.invalidChoice);
      const before = state.boardSorts[consultation.id]?.sorts[suggestion.id] ?? null;
      if (before === sort) return reject(Rejection.unchanged);
      return accept({
        type: 'suggestionSorted',
        consultationId: consultation.id,
        suggestionId: suggestion.id,
        sort,
      });
    },
  },
  writeActionPlan: {
    who: 'client',
    when: ANY_TIME,
    isWholeText: true,
    decide(state, command, actor, now) {
      const consultation = clientsConsultation(state);
      const actions = command.actions.map((a) => a.trim()).filter((a) => a.length > 0);
      if (actions.length > LIMITS.actionsMax) return reject(Rejection.tooManyItems);
      if (![...actions, command.firstStep].every(isShortText)) return reject(Rejection.invalidText);
      if (command.byWhen !== null && !isCalendarDate(command.byWhen))
        return reject(Rejection.invalidChoice);
      const before = consultation.plan;
      if (
        before &&
        before.actions.join('\n') === actions.join('\n') &&
        before.firstStep === command.firstStep &&
        before.byWhen === command.byWhen
      )
        return reject(Rejection.unchanged);
      return accept({
        type: 'actionPlanWritten',
        consultationId: consultation.id,
        plan: {
          authorId: actor.id,
          actions,
          firstStep: command.firstStep,
          byWhen: command.byWhen,
          visibility: keptVisibility('actionPlan', before?.visibility),
          at: now,
        },
      });
    },
  },
};

export const consultationEvents: EventEntries<ConsultationEvent> = {
  // The contract is the client's request to the group: the group reads it.
  contractWritten: {
    apply: (state, { consultationId, contract }) =>
      withConsultation(state, consultationId, (c) => ({ ...c, contract })),
    privacy: PUBLIC,
  },
  suggestionPosted: {
    apply: (state, { consultationId, suggestion }) => ({
      ...withConsultation(state, consultationId, (c) => ({
        ...c,
        suggestions: [...c.suggestions, suggestion],
      })),
      itemCount: state.itemCount + 1,
    }),
    privacy: aboutText(({ consultationId, suggestion }) => ({
      ref: { kind: 'suggestion', id: suggestion.id },
      version: { kind: 'suggestion', consultationId, suggestion },
    })),
  },
  // A sort is part of the client's sort of the board: it reaches whoever may read that now [R73].
  suggestionSorted: {
    apply: (state, { consultationId, suggestionId, sort }) => {
      const consultation = state.consultations.find((c) => c.id === consultationId);
      if (!consultation) return state;
      const before = state.boardSorts[consultationId];
      const sorts =
        sort === null ? without(before?.sorts ?? {}, suggestionId) : { ...before?.sorts };
      if (sort !== null) sorts[suggestionId] = sort;
      return putText(state, {
        kind: 'boardSort',
        boardSort: {
          authorId: consultation.clientId,
          consultationId,
          sorts,
          visibility: keptVisibility('boardSort', before?.visibility),
        },
      });
    },
    privacy: aboutText(({ consultationId }) => ({
      ref: { kind: 'boardSort', id: consultationId },
      version: null,
    })),
  },
  actionPlanWritten: {
    apply: (state, { consultationId, plan }) =>
      putText(state, { kind: 'actionPlan', consultationId, plan }),
    privacy: aboutText(({ consultationId, plan }) => ({
      ref: { kind: 'actionPlan', id: consultationId },
      version: { kind: 'actionPlan', consultationId, plan },
    })),
  },
};
