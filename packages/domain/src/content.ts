import type { Visibility } from './visibility.ts';

/** "Les 3 P": what a case is about. */
export const CaseKind = {
  problem: 'problem',
  project: 'project',
  preoccupation: 'preoccupation',
} as const;
export type CaseKind = (typeof CaseKind)[keyof typeof CaseKind];
export const CASE_KINDS: readonly CaseKind[] = Object.values(CaseKind);

/** Kinds of help a client may ask for in the contract. */
export const HelpKind = {
  ideas: 'ideas',
  advice: 'advice',
  experiences: 'experiences',
  planFeedback: 'planFeedback',
  resources: 'resources',
  questions: 'questions',
} as const;
export type HelpKind = (typeof HelpKind)[keyof typeof HelpKind];
export const HELP_KINDS: readonly HelpKind[] = Object.values(HelpKind);

/** How the client sorts a suggestion on their board. */
export const SuggestionSort = { keep: 'keep', explore: 'explore', drop: 'drop' } as const;
export type SuggestionSort = (typeof SuggestionSort)[keyof typeof SuggestionSort];
export const SUGGESTION_SORTS: readonly SuggestionSort[] = Object.values(SuggestionSort);

/** The closing "weather" each person gives. */
export const Weather = {
  sunny: 'sunny',
  partlySunny: 'partlySunny',
  cloudy: 'cloudy',
  rainy: 'rainy',
  stormy: 'stormy',
} as const;
export type Weather = (typeof Weather)[keyof typeof Weather];
export const WEATHERS: readonly Weather[] = Object.values(Weather);

export const RATING_MAX = 5;
/** Observer grid marks: 1 rarely … 4 consistently. */
export const GRID_MAX = 4;

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
  readonly sort: SuggestionSort | null;
  readonly at: number;
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

export interface ObserverFeedback {
  readonly authorId: string;
  readonly listening: number;
  /** Questions asked rather than advice given too early. */
  readonly questionsOverAdvice: number;
  /** The client's floor respected: no debate, no interruption. */
  readonly clientFloor: number;
  readonly comment: string;
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
