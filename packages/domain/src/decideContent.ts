import { assertNever } from './assertNever.ts';
import type { Command } from './command.ts';
import {
  CASE_KINDS,
  type Consultation,
  GRID_MAX,
  HELP_KINDS,
  RATING_MAX,
  SUGGESTION_SORTS,
  tallyOf,
  WEATHERS,
} from './content.ts';
import type { SessionEvent } from './event.ts';
import { findInclusionCard } from './inclusionDeck.ts';
import { LIMITS } from './limits.ts';
import { Rejection } from './rejection.ts';
import { currentConsultation, findPerson, type Person, type SessionState } from './session.ts';
import { isValidName, isValidText } from './text.ts';
import { findText, textsBy } from './texts.ts';
import {
  defaultVisibility,
  KIND_VISIBILITIES,
  type TextKind,
  type Visibility,
} from './visibility.ts';

/** The commands that write the content of a Codev session, as opposed to driving its frame. */
export type ContentCommand = Extract<
  Command,
  {
    type:
      | 'launchInclusion'
      | 'pickCard'
      | 'writeDebrief'
      | 'proposeCase'
      | 'withdrawCase'
      | 'voteCase'
      | 'chooseCase'
      | 'raiseHand'
      | 'lowerHand'
      | 'giveFloor'
      | 'startRound'
      | 'nextTurn'
      | 'writeContract'
      | 'postSuggestion'
      | 'sortSuggestion'
      | 'writeActionPlan'
      | 'writeLearnings'
      | 'evaluate'
      | 'writeObserverFeedback'
      | 'setVisibility'
      | 'eraseMyContent'
      | 'announceNextSession'
      | 'planSession';
  }
>;

type Decision =
  | { readonly ok: true; readonly events: readonly SessionEvent[] }
  | { readonly ok: false; readonly reason: Rejection };

const accept = (...events: SessionEvent[]): Decision => ({ ok: true, events });
const reject = (reason: Rejection): Decision => ({ ok: false, reason });

/** What may still be written once the session has ended: what people finish afterwards. */
const AFTER_THE_END: ReadonlySet<ContentCommand['type']> = new Set([
  'writeDebrief',
  'writeActionPlan',
  'writeLearnings',
  'evaluate',
  'writeObserverFeedback',
  'setVisibility',
  'eraseMyContent',
  'announceNextSession',
  'planSession',
]);

/** What happens during the meeting itself, so only once it is live. */
const WHILE_LIVE: ReadonlySet<ContentCommand['type']> = new Set([
  'launchInclusion',
  'pickCard',
  'chooseCase',
  'raiseHand',
  'lowerHand',
  'giveFloor',
  'startRound',
  'nextTurn',
]);

const shortText = (value: string) => isValidText(value, LIMITS.shortTextMaxChars);
const longText = (value: string) => isValidText(value, LIMITS.longTextMaxChars);
const isMark = (value: number, max: number) =>
  Number.isInteger(value) && value >= 1 && value <= max;
/** A real YYYY-MM-DD date, checked by arithmetic: the domain reads no clock and builds no Date. */
const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
};

/** A rewritten text keeps the visibility its author chose; a new one gets its kind's default. */
function visibilityFor(kind: TextKind, existing: Visibility | undefined): Visibility {
  return existing ?? defaultVisibility(kind);
}

function clientConsultation(state: SessionState, actor: Person): Consultation | Rejection {
  const consultation = currentConsultation(state);
  if (!consultation) return Rejection.noConsultation;
  if (consultation.clientId !== actor.id) return Rejection.notClient;
  return consultation;
}

/** Decides a content command; the caller has checked that the actor is in the session. */
export function decideContent(
  state: SessionState,
  command: ContentCommand,
  actor: Person,
  now: number,
): Decision {
  if (state.lifecycle === 'ended' && !AFTER_THE_END.has(command.type))
    return reject(Rejection.sessionEnded);
  if (state.lifecycle !== 'live' && WHILE_LIVE.has(command.type))
    return reject(Rejection.sessionNotLive);
  switch (command.type) {
    case 'launchInclusion':
      if (state.inclusion) return reject(Rejection.unchanged);
      return accept({ type: 'inclusionLaunched' });
    case 'pickCard':
      if (!state.inclusion) return reject(Rejection.inclusionNotLaunched);
      if (!findInclusionCard(command.cardId)) return reject(Rejection.unknownCard);
      if (state.inclusion.picks[actor.id] === command.cardId) return reject(Rejection.unchanged);
      return accept({ type: 'cardPicked', personId: actor.id, cardId: command.cardId });
    case 'writeDebrief': {
      if (state.previous?.clientId !== actor.id) return reject(Rejection.notPreviousClient);
      const { tried, worked, didNotWork } = command;
      if (![tried, worked, didNotWork].every(longText)) return reject(Rejection.invalidText);
      const before = state.debrief;
      if (before?.tried === tried && before.worked === worked && before.didNotWork === didNotWork)
        return reject(Rejection.unchanged);
      return accept({
        type: 'debriefWritten',
        debrief: {
          authorId: actor.id,
          tried,
          worked,
          didNotWork,
          visibility: visibilityFor('debrief', before?.visibility),
          at: now,
        },
      });
    }
    case 'proposeCase': {
      if (actor.role === 'observer') return reject(Rejection.observersObserve);
      if (!CASE_KINDS.includes(command.kind)) return reject(Rejection.invalidChoice);
      if (!isValidName(command.title, LIMITS.caseTitleMaxChars) || !shortText(command.summary))
        return reject(Rejection.invalidText);
      if (state.cases.length >= LIMITS.casesMax) return reject(Rejection.tooManyItems);
      return accept({
        type: 'caseProposed',
        proposal: {
          id: `case-${state.itemCount + 1}`,
          authorId: actor.id,
          kind: command.kind,
          title: command.title.trim(),
          summary: command.summary.trim(),
          at: now,
        },
      });
    }
    case 'withdrawCase': {
      const proposal = state.cases.find((c) => c.id === command.caseId);
      if (!proposal) return reject(Rejection.unknownCase);
      if (proposal.authorId !== actor.id) return reject(Rejection.notAuthor);
      if (state.consultations.some((c) => c.caseId === proposal.id))
        return reject(Rejection.caseAlreadyChosen);
      return accept({ type: 'caseWithdrawn', caseId: proposal.id });
    }
    case 'voteCase': {
      if (actor.role === 'observer') return reject(Rejection.observersObserve);
      if (command.caseId !== null && !state.cases.some((c) => c.id === command.caseId))
        return reject(Rejection.unknownCase);
      if ((state.votes[actor.id] ?? null) === command.caseId) return reject(Rejection.unchanged);
      return accept({ type: 'voteCast', voterId: actor.id, caseId: command.caseId });
    }
    case 'chooseCase': {
      const proposal = state.cases.find((c) => c.id === command.caseId);
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
    }
    case 'raiseHand':
      if (actor.role === 'observer') return reject(Rejection.observersObserve);
      if (state.turns.hands.includes(actor.id)) return reject(Rejection.handAlreadyRaised);
      return accept({ type: 'handRaised', personId: actor.id });
    case 'lowerHand':
      if (command.personId !== actor.id && actor.role !== 'facilitator')
        return reject(Rejection.notFacilitator);
      if (!state.turns.hands.includes(command.personId)) return reject(Rejection.handNotRaised);
      return accept({ type: 'handLowered', personId: command.personId });
    case 'giveFloor':
      if (command.personId !== null && !findPerson(state, command.personId))
        return reject(Rejection.unknownPerson);
      if (state.turns.speakerId === command.personId) return reject(Rejection.unchanged);
      return accept({ type: 'floorGiven', personId: command.personId });
    case 'startRound': {
      // A tour de table asks every consultant present, in the order they joined.
      const order = state.people
        .filter((p) => p.role === 'consultant' && p.presence === 'online')
        .map((p) => p.id);
      if (order.length === 0) return reject(Rejection.nobodyInRound);
      return accept({ type: 'roundStarted', order });
    }
    case 'nextTurn': {
      const { round, speakerId } = state.turns;
      if (round.length === 0) return reject(Rejection.nobodyInRound);
      const at = speakerId === null ? -1 : round.indexOf(speakerId);
      const next = round[at + 1] ?? null;
      if (next === speakerId) return reject(Rejection.unchanged);
      return accept({ type: 'floorGiven', personId: next });
    }
    case 'writeContract': {
      const consultation = clientConsultation(state, actor);
      if (typeof consultation === 'string') return reject(consultation);
      if (!shortText(command.request)) return reject(Rejection.invalidText);
      const kinds = [...new Set(command.helpKinds)];
      if (!kinds.every((kind) => HELP_KINDS.includes(kind))) return reject(Rejection.invalidChoice);
      const ordered = HELP_KINDS.filter((kind) => kinds.includes(kind));
      const before = consultation.contract;
      if (before?.request === command.request && before.helpKinds.join() === ordered.join())
        return reject(Rejection.unchanged);
      return accept({
        type: 'contractWritten',
        consultationId: consultation.id,
        contract: { request: command.request, helpKinds: ordered, at: now },
      });
    }
    case 'postSuggestion': {
      const consultation = currentConsultation(state);
      if (!consultation) return reject(Rejection.noConsultation);
      if (actor.role === 'observer') return reject(Rejection.observersObserve);
      const text = command.text.trim();
      if (text.length === 0 || !shortText(text)) return reject(Rejection.invalidText);
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
          sort: null,
          at: now,
        },
      });
    }
    case 'sortSuggestion': {
      const consultation = state.consultations.find((c) =>
        c.suggestions.some((s) => s.id === command.suggestionId),
      );
      const suggestion = consultation?.suggestions.find((s) => s.id === command.suggestionId);
      if (!consultation || !suggestion) return reject(Rejection.unknownText);
      if (consultation.clientId !== actor.id) return reject(Rejection.notClient);
      if (command.sort !== null && !SUGGESTION_SORTS.includes(command.sort))
        return reject(Rejection.invalidChoice);
      if (suggestion.sort === command.sort) return reject(Rejection.unchanged);
      return accept({
        type: 'suggestionSorted',
        consultationId: consultation.id,
        suggestionId: suggestion.id,
        sort: command.sort,
      });
    }
    case 'writeActionPlan': {
      const consultation = clientConsultation(state, actor);
      if (typeof consultation === 'string') return reject(consultation);
      const actions = command.actions.map((a) => a.trim()).filter((a) => a.length > 0);
      if (actions.length > LIMITS.actionsMax) return reject(Rejection.tooManyItems);
      if (![...actions, command.firstStep].every(shortText)) return reject(Rejection.invalidText);
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
          visibility: visibilityFor('actionPlan', before?.visibility),
          at: now,
        },
      });
    }
    case 'writeLearnings': {
      if (!longText(command.content) || !longText(command.process))
        return reject(Rejection.invalidText);
      const before = state.learnings[actor.id];
      if (before?.content === command.content && before.process === command.process)
        return reject(Rejection.unchanged);
      return accept({
        type: 'learningsWritten',
        learnings: {
          authorId: actor.id,
          content: command.content,
          process: command.process,
          visibility: visibilityFor('learnings', before?.visibility),
          at: now,
        },
      });
    }
    case 'evaluate': {
      if (!WEATHERS.includes(command.weather)) return reject(Rejection.invalidChoice);
      if (!isMark(command.rating, RATING_MAX)) return reject(Rejection.invalidChoice);
      if (!shortText(command.comment)) return reject(Rejection.invalidText);
      const before = state.evaluations[actor.id];
      if (
        before?.weather === command.weather &&
        before.rating === command.rating &&
        before.comment === command.comment
      )
        return reject(Rejection.unchanged);
      const evaluation = {
        authorId: actor.id,
        weather: command.weather,
        rating: command.rating,
        comment: command.comment,
        visibility: visibilityFor('evaluation', before?.visibility),
        at: now,
      };
      // The answer stays its author's; the group's totals move in a separate, public event.
      return accept(
        { type: 'evaluationGiven', evaluation },
        {
          type: 'evaluationTallied',
          tally: tallyOf({ ...state.evaluations, [actor.id]: evaluation }),
        },
      );
    }
    case 'writeObserverFeedback': {
      if (actor.role !== 'observer') return reject(Rejection.notObserver);
      const marks = [command.listening, command.questionsOverAdvice, command.clientFloor];
      if (!marks.every((mark) => isMark(mark, GRID_MAX))) return reject(Rejection.invalidChoice);
      if (!shortText(command.comment)) return reject(Rejection.invalidText);
      const before = state.observerFeedback[actor.id];
      if (
        before?.listening === command.listening &&
        before.questionsOverAdvice === command.questionsOverAdvice &&
        before.clientFloor === command.clientFloor &&
        before.comment === command.comment
      )
        return reject(Rejection.unchanged);
      return accept({
        type: 'observerFeedbackWritten',
        feedback: {
          authorId: actor.id,
          listening: command.listening,
          questionsOverAdvice: command.questionsOverAdvice,
          clientFloor: command.clientFloor,
          comment: command.comment,
          visibility: visibilityFor('observerFeedback', before?.visibility),
          at: now,
        },
      });
    }
    case 'setVisibility': {
      const found = findText(state, command.ref);
      if (!found) return reject(Rejection.unknownText);
      if (found.text.authorId !== actor.id) return reject(Rejection.notAuthor);
      if (!KIND_VISIBILITIES[command.ref.kind].includes(command.visibility))
        return reject(Rejection.invalidVisibility);
      if (found.text.visibility === command.visibility) return reject(Rejection.unchanged);
      return accept({
        type: 'visibilityChanged',
        ref: command.ref,
        visibility: command.visibility,
      });
    }
    case 'eraseMyContent': {
      if (textsBy(state, actor.id) === 0) return reject(Rejection.unchanged);
      const events: SessionEvent[] = [{ type: 'contentErased', personId: actor.id }];
      if (state.evaluations[actor.id]) {
        const { [actor.id]: _erased, ...others } = state.evaluations;
        events.push({ type: 'evaluationTallied', tally: tallyOf(others) });
      }
      return accept(...events);
    }
    case 'planSession': {
      const { scheduledFor, cycleSessions } = command;
      if (scheduledFor !== null && !isCalendarDate(scheduledFor))
        return reject(Rejection.invalidChoice);
      if (
        cycleSessions !== null &&
        (!Number.isInteger(cycleSessions) ||
          cycleSessions < 1 ||
          cycleSessions > LIMITS.cycleSessionsMax)
      )
        return reject(Rejection.invalidChoice);
      if (state.scheduledFor === scheduledFor && state.cycleSessions === cycleSessions)
        return reject(Rejection.unchanged);
      return accept({ type: 'sessionPlanned', scheduledFor, cycleSessions });
    }
    case 'announceNextSession':
      if (state.nextSessionId === command.sessionId) return reject(Rejection.unchanged);
      return accept({ type: 'nextSessionAnnounced', sessionId: command.sessionId });
    default:
      return assertNever(command);
  }
}
