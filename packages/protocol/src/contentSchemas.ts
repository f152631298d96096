import {
  CASE_KINDS,
  GRID_MAX,
  HELP_KINDS,
  isValidText,
  LIMITS,
  RATING_MAX,
  SUGGESTION_SORTS,
  TEXT_KINDS,
  VISIBILITIES,
  WEATHERS,
} from '@cercle/domain';
import { z } from 'zod';
import { dateSchema, idSchema as id, epochMsSchema as time } from './ids.ts';

/** Schemas of the content of a session: shared by commands, events and views. */

const text = (maxChars: number) =>
  z
    .string()
    .max(maxChars, `at most ${maxChars} characters`)
    .refine((value) => isValidText(value, maxChars), { message: 'no control characters' });

export const shortTextSchema = text(LIMITS.shortTextMaxChars);
export const longTextSchema = text(LIMITS.longTextMaxChars);
export const caseTitleSchema = text(LIMITS.caseTitleMaxChars);

export const visibilitySchema = z.enum(VISIBILITIES);
export const textKindSchema = z.enum(TEXT_KINDS);
export const caseKindSchema = z.enum(CASE_KINDS);
export const helpKindSchema = z.enum(HELP_KINDS);
export const sortSchema = z.enum(SUGGESTION_SORTS);
export const weatherSchema = z.enum(WEATHERS);
export const ratingSchema = z.number().int().min(1).max(RATING_MAX);
export const markSchema = z.number().int().min(1).max(GRID_MAX);
export const cycleSessionsSchema = z.number().int().min(1).max(LIMITS.cycleSessionsMax);

export const textRefSchema = z.object({ kind: textKindSchema, id });

export const caseProposalSchema = z.object({
  id,
  authorId: id,
  kind: caseKindSchema,
  title: caseTitleSchema,
  summary: shortTextSchema,
  at: time,
});

export const contractSchema = z.object({
  request: shortTextSchema,
  helpKinds: z.array(helpKindSchema).max(HELP_KINDS.length),
  at: time,
});

export const suggestionSchema = z.object({
  id,
  authorId: id,
  text: shortTextSchema,
  visibility: visibilitySchema,
  at: time,
});

/** The client's sort of their board [R73]: sorts by suggestion id. */
export const boardSortSchema = z.object({
  authorId: id,
  consultationId: id,
  sorts: z.record(id, sortSchema),
  visibility: visibilitySchema,
});

export const actionPlanSchema = z.object({
  authorId: id,
  actions: z.array(shortTextSchema).max(LIMITS.actionsMax),
  firstStep: shortTextSchema,
  byWhen: dateSchema.nullable(),
  visibility: visibilitySchema,
  at: time,
});

export const consultationSchema = z.object({
  id,
  caseId: id,
  clientId: id,
  contract: contractSchema.nullable(),
  suggestions: z.array(suggestionSchema).max(LIMITS.suggestionsMax),
  plan: actionPlanSchema.nullable(),
});

export const previousConsultationSchema = z.object({
  sessionId: id,
  clientId: id,
  clientName: z.string().max(LIMITS.displayNameMaxChars),
  caseTitle: z.string().max(LIMITS.caseTitleMaxChars),
  plan: actionPlanSchema.nullable(),
});

export const debriefSchema = z.object({
  authorId: id,
  tried: longTextSchema,
  worked: longTextSchema,
  didNotWork: longTextSchema,
  visibility: visibilitySchema,
  at: time,
});

export const learningsSchema = z.object({
  authorId: id,
  content: longTextSchema,
  process: longTextSchema,
  visibility: visibilitySchema,
  at: time,
});

export const evaluationSchema = z.object({
  authorId: id,
  weather: weatherSchema,
  rating: ratingSchema,
  comment: shortTextSchema,
  visibility: visibilitySchema,
  at: time,
});

export const tallySchema = z.object({
  count: z.number().int().nonnegative(),
  ratingSum: z.number().int().nonnegative(),
  weathers: z.partialRecord(weatherSchema, z.number().int().nonnegative()),
});

export const observerFeedbackSchema = z.object({
  authorId: id,
  listening: markSchema,
  questionsOverAdvice: markSchema,
  clientFloor: markSchema,
  stagesRespected: markSchema.optional(),
  clientListening: markSchema.optional(),
  kindness: markSchema.optional(),
  timeKept: markSchema.optional(),
  comment: shortTextSchema,
  visibility: visibilitySchema,
  at: time,
});

export const questionSchema = z.object({
  id,
  consultationId: id,
  authorId: id,
  text: shortTextSchema,
  stageKey: id,
  at: time,
});

export const clientNoteSchema = z.object({
  authorId: id,
  consultationId: id,
  text: text(LIMITS.noteMaxChars),
  visibility: visibilitySchema,
  at: time,
});

export const stageNotesSchema = z.object({
  authorId: id,
  entries: z
    .array(z.object({ stageKey: id, text: shortTextSchema, at: time }))
    .max(LIMITS.stageNotesMax),
  visibility: visibilitySchema,
  at: time,
});

export const noteSchema = z.object({
  authorId: id,
  text: z.string().max(LIMITS.noteMaxChars),
  visibility: visibilitySchema,
  updatedAt: time,
});

export const adviceFlagSchema = z.object({
  personId: id,
  consultationId: id,
  stageKey: id,
  questionId: id.optional(),
  at: time,
});

export const turnsSchema = z.object({
  speakerId: id.nullable(),
  hands: z.array(id).max(LIMITS.peopleMax),
  round: z.array(id).max(LIMITS.peopleMax),
});

export const sharedTextSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), note: noteSchema }),
  z.object({ kind: z.literal('debrief'), debrief: debriefSchema }),
  z.object({ kind: z.literal('suggestion'), consultationId: id, suggestion: suggestionSchema }),
  z.object({ kind: z.literal('actionPlan'), consultationId: id, plan: actionPlanSchema }),
  z.object({ kind: z.literal('learnings'), learnings: learningsSchema }),
  z.object({ kind: z.literal('evaluation'), evaluation: evaluationSchema }),
  z.object({ kind: z.literal('observerFeedback'), feedback: observerFeedbackSchema }),
  z.object({ kind: z.literal('clientNote'), note: clientNoteSchema }),
  z.object({ kind: z.literal('stageNotes'), notes: stageNotesSchema }),
  z.object({ kind: z.literal('boardSort'), boardSort: boardSortSchema }),
]);

export const contentCommandSchemas = [
  z.object({ type: z.literal('launchInclusion') }),
  z.object({ type: z.literal('pickCard'), cardId: id }),
  z.object({
    type: z.literal('writeDebrief'),
    tried: longTextSchema,
    worked: longTextSchema,
    didNotWork: longTextSchema,
  }),
  z.object({
    type: z.literal('proposeCase'),
    kind: caseKindSchema,
    title: caseTitleSchema,
    summary: shortTextSchema,
  }),
  z.object({ type: z.literal('withdrawCase'), caseId: id }),
  z.object({ type: z.literal('voteCase'), caseId: id.nullable() }),
  z.object({ type: z.literal('chooseCase'), caseId: id }),
  z.object({ type: z.literal('raiseHand') }),
  z.object({ type: z.literal('lowerHand'), personId: id }),
  z.object({ type: z.literal('giveFloor'), personId: id.nullable() }),
  z.object({ type: z.literal('startRound') }),
  z.object({ type: z.literal('nextTurn') }),
  z.object({ type: z.literal('flagAdvice'), personId: id, questionId: id.optional() }),
  z.object({ type: z.literal('askQuestion'), text: shortTextSchema }),
  z.object({ type: z.literal('writeClientNote'), text: text(LIMITS.noteMaxChars) }),
  z.object({ type: z.literal('addStageNote'), text: shortTextSchema }),
  z.object({
    type: z.literal('writeContract'),
    request: shortTextSchema,
    helpKinds: z.array(helpKindSchema).max(HELP_KINDS.length * 2),
  }),
  z.object({
    type: z.literal('postSuggestion'),
    text: shortTextSchema,
    visibility: visibilitySchema,
  }),
  z.object({ type: z.literal('sortSuggestion'), suggestionId: id, sort: sortSchema.nullable() }),
  z.object({
    type: z.literal('writeActionPlan'),
    actions: z.array(shortTextSchema).max(LIMITS.actionsMax * 2),
    firstStep: shortTextSchema,
    byWhen: dateSchema.nullable(),
  }),
  z.object({ type: z.literal('writeLearnings'), content: longTextSchema, process: longTextSchema }),
  z.object({
    type: z.literal('evaluate'),
    weather: weatherSchema,
    rating: ratingSchema,
    comment: shortTextSchema,
  }),
  z.object({
    type: z.literal('writeObserverFeedback'),
    listening: markSchema,
    questionsOverAdvice: markSchema,
    clientFloor: markSchema,
    stagesRespected: markSchema.optional(),
    clientListening: markSchema.optional(),
    kindness: markSchema.optional(),
    timeKept: markSchema.optional(),
    comment: shortTextSchema,
  }),
  z.object({ type: z.literal('setVisibility'), ref: textRefSchema, visibility: visibilitySchema }),
  z.object({ type: z.literal('eraseMyContent') }),
  z.object({ type: z.literal('acceptEthics') }),
  z.object({ type: z.literal('announceNextSession'), sessionId: id }),
  z.object({
    type: z.literal('planSession'),
    scheduledFor: dateSchema.nullable(),
    cycleSessions: cycleSessionsSchema.nullable(),
  }),
] as const;

export const contentEventSchemas = [
  z.object({ type: z.literal('inclusionLaunched') }),
  z.object({ type: z.literal('cardPicked'), personId: id, cardId: id }),
  z.object({ type: z.literal('debriefWritten'), debrief: debriefSchema }),
  z.object({ type: z.literal('caseProposed'), proposal: caseProposalSchema }),
  z.object({ type: z.literal('caseWithdrawn'), caseId: id }),
  z.object({ type: z.literal('voteCast'), voterId: id, caseId: id.nullable() }),
  z.object({ type: z.literal('caseChosen'), caseId: id, consultationId: id, clientId: id }),
  z.object({ type: z.literal('handRaised'), personId: id }),
  z.object({ type: z.literal('handLowered'), personId: id }),
  z.object({ type: z.literal('floorGiven'), personId: id.nullable() }),
  z.object({ type: z.literal('roundStarted'), order: z.array(id).max(LIMITS.peopleMax) }),
  z.object({ type: z.literal('adviceFlagged'), flag: adviceFlagSchema }),
  z.object({ type: z.literal('questionAsked'), question: questionSchema }),
  z.object({ type: z.literal('clientNoteWritten'), note: clientNoteSchema }),
  z.object({ type: z.literal('stageNotesWritten'), notes: stageNotesSchema }),
  z.object({ type: z.literal('contractWritten'), consultationId: id, contract: contractSchema }),
  z.object({
    type: z.literal('suggestionPosted'),
    consultationId: id,
    suggestion: suggestionSchema,
  }),
  z.object({
    type: z.literal('suggestionSorted'),
    consultationId: id,
    suggestionId: id,
    sort: sortSchema.nullable(),
  }),
  z.object({ type: z.literal('actionPlanWritten'), consultationId: id, plan: actionPlanSchema }),
  z.object({ type: z.literal('learningsWritten'), learnings: learningsSchema }),
  z.object({ type: z.literal('evaluationGiven'), evaluation: evaluationSchema }),
  z.object({ type: z.literal('evaluationTallied'), tally: tallySchema }),
  z.object({ type: z.literal('observerFeedbackWritten'), feedback: observerFeedbackSchema }),
  z.object({
    type: z.literal('visibilityChanged'),
    ref: textRefSchema,
    visibility: visibilitySchema,
  }),
  z.object({ type: z.literal('textShown'), text: sharedTextSchema }),
  z.object({ type: z.literal('textHidden'), ref: textRefSchema }),
  z.object({ type: z.literal('contentErased'), personId: id }),
  z.object({ type: z.literal('ethicsAccepted'), personId: id }),
  z.object({ type: z.literal('nextSessionAnnounced'), sessionId: id }),
  z.object({
    type: z.literal('sessionPlanned'),
    scheduledFor: dateSchema.nullable(),
    cycleSessions: cycleSessionsSchema.nullable(),
  }),
] as const;

/** The content fields of a view. */
export const contentViewShape = {
  groupId: id,
  previous: previousConsultationSchema.nullable(),
  pastClientIds: z.array(id).max(1000),
  // Everyone the group ever admitted, at most: its sessions' rosters over a cycle [R90].
  ethicsAcceptedIds: z.array(id).max(1000),
  inclusion: z.object({ picks: z.record(id, id) }).nullable(),
  debrief: debriefSchema.nullable(),
  cases: z.array(caseProposalSchema).max(LIMITS.casesMax),
  votes: z.record(id, id),
  consultations: z.array(consultationSchema).max(LIMITS.consultationsMax),
  turns: turnsSchema,
  adviceFlags: z.array(adviceFlagSchema).max(LIMITS.adviceFlagsMax),
  questions: z.array(questionSchema).max(LIMITS.questionsMax),
  clientNotes: z.record(id, clientNoteSchema),
  stageNotes: z.record(id, stageNotesSchema),
  boardSorts: z.record(id, boardSortSchema),
  learnings: z.record(id, learningsSchema),
  evaluations: z.record(id, evaluationSchema),
  evaluationTally: tallySchema,
  observerFeedback: z.record(id, observerFeedbackSchema),
  itemCount: z.number().int().nonnegative(),
  nextSessionId: id.nullable(),
  scheduledFor: dateSchema.nullable(),
  cycleSessions: cycleSessionsSchema.nullable(),
};
