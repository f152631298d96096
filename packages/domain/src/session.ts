import {
  type BoardSort,
  type CaseProposal,
  type ClientNote,
  type Consultation,
  type Debrief,
  EMPTY_TALLY,
  type Evaluation,
  type EvaluationTally,
  type Inclusion,
  type Learnings,
  NO_TURNS,
  type Note,
  type ObserverFeedback,
  type PreviousConsultation,
  type Question,
  type StageNotes,
  type Suggestion,
  type SuggestionSort,
  type Turns,
} from './content.ts';
import type { AdviceFlag } from './features/turns.ts';
import { cleanName } from './names.ts';
import { namesOf } from './namesOf.ts';
import type { Role } from './role.ts';
import type { Stage } from './stage.ts';
import type { Template } from './templates.ts';
import { idleTimer, type Timer } from './timer.ts';

export const LIFECYCLES = ['scheduled', 'live', 'ended'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const Lifecycle = namesOf(LIFECYCLES);

export const PRESENCES = ['online', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];
export const Presence = namesOf(PRESENCES);

export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
  readonly presence: Presence;
}

/** What one undo restores: the stage and timer as they were before the last stage change. */
export interface StageChange {
  readonly fromIndex: number;
  readonly toIndex: number;
  readonly previousTimer: Timer;
  readonly previousStageStartedAt: number | null;
}

export interface SessionState {
  readonly id: string;
  /** The Codev group whose cycle this session belongs to; members keep their person id in it. */
  readonly groupId: string;
  readonly groupName: string;
  readonly templateKey: string;
  readonly lifecycle: Lifecycle;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  /** The end the group aimed for when the session started; the session clock compares against it. */
  readonly plannedEndAt: number | null;
  readonly stages: readonly Stage[];
  readonly currentStageIndex: number;
  /** When the current stage became current while live; null before the start. */
  readonly stageStartedAt: number | null;
  readonly timer: Timer;
  /** Roster in joining order. */
  readonly people: readonly Person[];
  /** People the facilitator removed: they do not join again under the same id [R49]. */
  readonly removedIds: readonly string[];
  /** Notes by author id. Only `viewFor` decides who sees which. */
  readonly notes: Readonly<Record<string, Note>>;
  readonly lastStageChange: StageChange | null;
  /** Counter for keys of stages the facilitator adds, so keys stay unique without randomness. */
  readonly customStageCount: number;
  /** The last consultation of the group's previous session, for this session's debrief. */
  readonly previous: PreviousConsultation | null;
  /** People who were already client in this cycle, so the panel can suggest someone else. */
  readonly pastClientIds: readonly string[];
  /** Null until the facilitator launches the inclusion game. */
  readonly inclusion: Inclusion | null;
  readonly debrief: Debrief | null;
  readonly cases: readonly CaseProposal[];
  /** Case id by voter id: one vote each, open to the group. */
  readonly votes: Readonly<Record<string, string>>;
  /** In order; the last one is the consultation under way. */
  readonly consultations: readonly Consultation[];
  readonly turns: Turns;
  /** Questions the facilitator flagged as advice in disguise, in order. */
  readonly adviceFlags: readonly AdviceFlag[];
  /** Clarification questions asked, in order [R60]. */
  readonly questions: readonly Question[];
  /** Each client's private notes during their consultation, by consultation id [R61]. */
  readonly clientNotes: Readonly<Record<string, ClientNote>>;
  /** Each client's sort of their board, by consultation id [R73]. */
  readonly boardSorts: Readonly<Record<string, BoardSort>>;
  /** Observers' notes by stage, by author id [R62]. */
  readonly stageNotes: Readonly<Record<string, StageNotes>>;
  readonly learnings: Readonly<Record<string, Learnings>>;
  readonly evaluations: Readonly<Record<string, Evaluation>>;
  readonly evaluationTally: EvaluationTally;
  readonly observerFeedback: Readonly<Record<string, ObserverFeedback>>;
  /** Counter for case and suggestion ids, unique within the session without randomness. */
  readonly itemCount: number;
  /** The group's next session once the facilitator opens it: panels offer to follow. */
  readonly nextSessionId: string | null;
  /** The date the session is planned for in its cycle, YYYY-MM-DD, when the group set one. */
  readonly scheduledFor: string | null;
  /** How many sessions the group's cycle plans (e.g. 6 monthly ones), when it says. */
  readonly cycleSessions: number | null;
  /** Who has accepted the group's code of ethics, in this session or an earlier one [R90]. */
  readonly ethicsAcceptedIds: readonly string[];
}

/** The content fields of a session with nothing written yet. */
export const EMPTY_CONTENT = {
  previous: null,
  pastClientIds: [],
  inclusion: null,
  debrief: null,
  cases: [],
  votes: {},
  consultations: [],
  turns: NO_TURNS,
  adviceFlags: [],
  questions: [],
  clientNotes: {},
  boardSorts: {},
  stageNotes: {},
  learnings: {},
  evaluations: {},
  evaluationTally: EMPTY_TALLY,
  observerFeedback: {},
  itemCount: 0,
  nextSessionId: null,
  scheduledFor: null,
  cycleSessions: null,
  removedIds: [],
  ethicsAcceptedIds: [],
} as const satisfies Partial<SessionState>;

export interface CreateSessionInput {
  readonly id: string;
  /** Defaults to the session's own id: a first session starts its group. */
  readonly groupId?: string;
  readonly groupName: string;
  readonly template: Template;
  readonly facilitator: { readonly id: string; readonly displayName: string };
  readonly now: number;
  readonly previous?: PreviousConsultation | null;
  readonly pastClientIds?: readonly string[];
  readonly scheduledFor?: string | null;
  readonly cycleSessions?: number | null;
  /** People removed from the group's earlier sessions stay out of this one [R49]. */
  readonly removedIds?: readonly string[];
  /** Who accepted the code of ethics in the group's earlier sessions [R90]. */
  readonly ethicsAcceptedIds?: readonly string[];
}

/** A new, scheduled session whose only member is its facilitator. */
export function createSession(input: CreateSessionInput): SessionState {
  const stages = input.template.stages;
  return {
    id: input.id,
    groupId: input.groupId ?? input.id,
    groupName: cleanName(input.groupName),
    templateKey: input.template.key,
    lifecycle: Lifecycle.scheduled,
    createdAt: input.now,
    startedAt: null,
    endedAt: null,
    plannedEndAt: null,
    stages,
    currentStageIndex: 0,
    stageStartedAt: null,
    timer: idleTimer(stages[0]?.plannedMs ?? null),
    people: [
      {
        id: input.facilitator.id,
        displayName: cleanName(input.facilitator.displayName),
        role: 'facilitator',
        presence: Presence.offline,
      },
    ],
    notes: {},
    lastStageChange: null,
    customStageCount: 0,
    ...EMPTY_CONTENT,
    previous: input.previous ?? null,
    pastClientIds: input.pastClientIds ?? [],
    scheduledFor: input.scheduledFor ?? null,
    cycleSessions: input.cycleSessions ?? null,
    removedIds: input.removedIds ?? [],
    ethicsAcceptedIds: input.ethicsAcceptedIds ?? [],
  };
}

/** The consultation under way: the last case chosen, if any. */
export function currentConsultation(state: SessionState): Consultation | undefined {
  return state.consultations[state.consultations.length - 1];
}

/** The session with one consultation changed. */
export function withConsultation(
  state: SessionState,
  consultationId: string,
  change: (consultation: Consultation) => Consultation,
): SessionState {
  return {
    ...state,
    consultations: state.consultations.map((c) => (c.id === consultationId ? change(c) : c)),
  };
}

/**
 * A session saved before content existed, or with notes in their first shape, read as today's:
 * stored snapshots outlive the code that wrote them.
 */
export function upgradeState(stored: SessionState): SessionState {
  const notes: Record<string, Note> = {};
  for (const [authorId, note] of Object.entries(stored.notes ?? {}))
    notes[authorId] = { ...note, authorId, visibility: note.visibility ?? 'me' };
  return withBoardSorts({
    ...EMPTY_CONTENT,
    ...stored,
    groupId: stored.groupId ?? stored.id,
    notes,
  });
}

/**
 * Sorts stored on each suggestion, where everyone who read it saw them, become their client's own
 * sort of the board, private until shared [R73]: an upgrade never shows more than before.
 */
function withBoardSorts(state: SessionState): SessionState {
  const boardSorts: Record<string, BoardSort> = {};
  const consultations = state.consultations.map((c) => {
    const sorts: Record<string, SuggestionSort> = {};
    const suggestions = c.suggestions.map((stored) => {
      const { sort, ...suggestion } = stored as Suggestion & { sort?: SuggestionSort | null };
      if (sort) sorts[suggestion.id] = sort;
      return suggestion;
    });
    if (Object.keys(sorts).length > 0)
      boardSorts[c.id] = { authorId: c.clientId, consultationId: c.id, sorts, visibility: 'me' };
    return { ...c, suggestions };
  });
  return { ...state, consultations, boardSorts: { ...boardSorts, ...state.boardSorts } };
}

export function findPerson(state: SessionState, personId: string): Person | undefined {
  return state.people.find((person) => person.id === personId);
}

export function facilitatorOf(state: SessionState): Person | undefined {
  return state.people.find((person) => person.role === 'facilitator');
}

export function clientOf(state: SessionState): Person | undefined {
  return state.people.find((person) => person.role === 'client');
}

export function currentStage(state: SessionState): Stage {
  const stage = state.stages[state.currentStageIndex];
  if (!stage) throw new Error(`Session ${state.id} has no stage ${state.currentStageIndex}`);
  return stage;
}

export function totalPlannedMs(stages: readonly Stage[]): number {
  return stages.reduce((sum, stage) => sum + (stage.plannedMs ?? 0), 0);
}
