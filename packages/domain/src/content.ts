import { namesOf } from './namesOf.ts';
import type { Visibility } from './visibility.ts';

/** "Les 3 P": what a case is about. */
export const CASE_KINDS = ['problem', 'project', 'preoccupation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CaseKind = namesOf(CASE_KINDS);

/** Kinds of help a client may ask for in the contract. */
export const HELP_KINDS = [
  'ideas',
  'advice',
  'experiences',
  'planFeedback',
  'resources',
  'questions',
] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
export const HelpKind = namesOf(HELP_KINDS);

/** How the client sorts a suggestion on their board. */
export const SUGGESTION_SORTS = ['keep', 'explore', 'drop'] as const;
export type SuggestionSort = (typeof SUGGESTION_SORTS)[number];
export const SuggestionSort = namesOf(SUGGESTION_SORTS);

/** The closing "weather" each person gives. */
export const WEATHERS = ['sunny', 'partlySunny', 'cloudy', 'rainy', 'stormy'] as const;
export type Weather = (typeof WEATHERS)[number];
export const Weather = namesOf(WEATHERS);

export const RATING_MAX = 5;
/** Observer grid marks: 1 rarely … 4 consistently. */
export const GRID_MAX = 4;
/** What the observer's grid marks, in the order it shows them [R35] [R63]. */
export const GRID_CRITERIA = [
  'listening',
  'questionsOverAdvice',
  'clientFloor',
  'stagesRespected',
  'clientListening',
  'kindness',
  'timeKept',
] as const;
export type GridCriterion = (typeof GRID_CRITERIA)[number];

export interface CaseProposal {
  readonly id: string;
  readonly authorId: string;
  readonly kind: CaseKind;
  readonly title: string;
  readonly summary: string;
  readonly at: number;
}

export interface Contract {
  /** "I would like to leave with…" */
  readonly request: string;
  readonly helpKinds: readonly HelpKind[];
  readonly at: number;
}

export interface Suggestion {
  readonly id: string;
  readonly authorId: string;
  readonly text: string;
  readonly visibility: Visibility;
  readonly at: number;
}

/**
 * How the client sorts their board [R73]: the client's own text, theirs alone while they listen,
 * which they may share with the group from the synthesis on.
 */
export interface BoardSort {
  readonly authorId: string;
  readonly consultationId: string;
  /** By suggestion id; a suggestion left unsorted has none. */
  readonly sorts: Readonly<Record<string, SuggestionSort>>;
  readonly visibility: Visibility;
}

export interface ActionPlan {
  readonly authorId: string;
  readonly actions: readonly string[];
  readonly firstStep: string;
  /** A calendar date, YYYY-MM-DD, or null when the client sets none. */
  readonly byWhen: string | null;
  readonly visibility: Visibility;
  readonly at: number;
}

/** One case consulted on: its client is fixed when the case is chosen. */
export interface Consultation {
  readonly id: string;
  readonly caseId: string;
  readonly clientId: string;
  readonly contract: Contract | null;
  readonly suggestions: readonly Suggestion[];
  readonly plan: ActionPlan | null;
}

/** The previous session's client and plan, carried into the next session for its debrief. */
export interface PreviousConsultation {
  readonly sessionId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly caseTitle: string;
  readonly plan: ActionPlan | null;
}

export interface Debrief {
  readonly authorId: string;
  readonly tried: string;
  readonly worked: string;
  readonly didNotWork: string;
  readonly visibility: Visibility;
  readonly at: number;
}

export interface Learnings {
  readonly authorId: string;
  /** What the case taught me. */
  readonly content: string;
  /** What I learned about helping, listening, the method. */
  readonly process: string;
  readonly visibility: Visibility;
  readonly at: number;
}

export interface Evaluation {
  readonly authorId: string;
  readonly weather: Weather;
  readonly rating: number;
  readonly comment: string;
  readonly visibility: Visibility;
  readonly at: number;
}

/** Anonymous totals of the evaluations: what the facilitator reads out, nobody's answer. */
export interface EvaluationTally {
  readonly count: number;
  readonly ratingSum: number;
  readonly weathers: Readonly<Partial<Record<Weather, number>>>;
}

/** The observer's marks and comment, as they send them. */
export interface ObserverGrid {
  readonly listening: number;
  /** Questions asked rather than advice given too early. */
  readonly questionsOverAdvice: number;
  /** The client's floor respected: no debate, no interruption. */
  readonly clientFloor: number;
  /** The stages kept to: each one's purpose, in order [R63]. Absent in grids written before. */
  readonly stagesRespected?: number;
  /** The client listening without debating [R63]. */
  readonly clientListening?: number;
  readonly kindness?: number;
  /** Time kept, stage by stage [R63]. */
  readonly timeKept?: number;
  readonly comment: string;
}

export interface ObserverFeedback extends ObserverGrid {
  readonly authorId: string;
  readonly visibility: Visibility;
  readonly at: number;
}

/** A clarification question, as its consultant asked it [R60]: said aloud, so the group's. */
export interface Question {
  readonly id: string;
  readonly consultationId: string;
  readonly authorId: string;
  readonly text: string;
  /** The stage it was asked in. */
  readonly stageKey: string;
  readonly at: number;
}

/** What the client notes of the suggestions while listening [R61]: theirs alone. */
export interface ClientNote {
  readonly authorId: string;
  readonly consultationId: string;
  readonly text: string;
  readonly visibility: Visibility;
  readonly at: number;
}

/** One observation, tied to the stage it was made in and when [R62]. */
export interface StageNote {
  readonly stageKey: string;
  readonly text: string;
  readonly at: number;
}

/** An observer's notes stage by stage: private until they share them [R62]. */
export interface StageNotes {
  readonly authorId: string;
  readonly entries: readonly StageNote[];
  readonly visibility: Visibility;
  readonly at: number;
}

/** Private notes: the author's pane, shareable with the group (an observer's notes at the end). */
export interface Note {
  readonly authorId: string;
  readonly text: string;
  readonly visibility: Visibility;
  readonly updatedAt: number;
}

export interface Inclusion {
  /** Card id by person id. */
  readonly picks: Readonly<Record<string, string>>;
}

/** Who speaks now, who waits with a raised hand, and the order of the round. */
export interface Turns {
  readonly speakerId: string | null;
  readonly hands: readonly string[];
  readonly round: readonly string[];
}

export const NO_TURNS: Turns = { speakerId: null, hands: [], round: [] };
export const EMPTY_TALLY: EvaluationTally = { count: 0, ratingSum: 0, weathers: {} };
/**
 * Answers the tally holds before anyone reads it [R48]: with two, each of the two would read the
 * other's answer off the totals.
 */
export const TALLY_MIN_COUNT = 3;

/** True once the tally is the group's to read [R48]. */
export function isPublishedTally(tally: EvaluationTally): boolean {
  return tally.count >= TALLY_MIN_COUNT;
}

/** The tally as every reader sees it: nothing until it counts `TALLY_MIN_COUNT` answers. */
export function publishedTally(tally: EvaluationTally): EvaluationTally {
  return isPublishedTally(tally) ? tally : EMPTY_TALLY;
}

/** The tally with one answer counted in (`+1`) or taken out (`-1`). */
export function withShare(
  tally: EvaluationTally,
  { weather, rating }: Pick<Evaluation, 'weather' | 'rating'>,
  sign: 1 | -1,
): EvaluationTally {
  const weathers: Partial<Record<Weather, number>> = { ...tally.weathers };
  const left = (weathers[weather] ?? 0) + sign;
  if (left > 0) weathers[weather] = left;
  else delete weathers[weather];
  return { count: tally.count + sign, ratingSum: tally.ratingSum + sign * rating, weathers };
}

export function tallyOf(evaluations: Readonly<Record<string, Evaluation>>): EvaluationTally {
  const weathers: Partial<Record<Weather, number>> = {};
  let count = 0;
  let ratingSum = 0;
  for (const evaluation of Object.values(evaluations)) {
    count += 1;
    ratingSum += evaluation.rating;
    weathers[evaluation.weather] = (weathers[evaluation.weather] ?? 0) + 1;
  }
  return { count, ratingSum, weathers };
}
