import type { Role } from './role.ts';
import type { Stage } from './stage.ts';
import type { Template } from './templates.ts';
import { idleTimer, type Timer } from './timer.ts';

export const Lifecycle = { scheduled: 'scheduled', live: 'live', ended: 'ended' } as const;
export type Lifecycle = (typeof Lifecycle)[keyof typeof Lifecycle];

export const Presence = { online: 'online', offline: 'offline' } as const;
export type Presence = (typeof Presence)[keyof typeof Presence];

export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
  readonly presence: Presence;
}

/** Text only its author may ever read. */
export interface PrivateNote {
  readonly text: string;
  readonly updatedAt: number;
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
  /** Private notes by author id. Only `viewFor` decides who sees which. */
  readonly notes: Readonly<Record<string, PrivateNote>>;
  readonly lastStageChange: StageChange | null;
  /** Counter for keys of stages the facilitator adds, so keys stay unique without randomness. */
  readonly customStageCount: number;
}

export interface CreateSessionInput {
  readonly id: string;
  readonly groupName: string;
  readonly template: Template;
  readonly facilitator: { readonly id: string; readonly displayName: string };
  readonly now: number;
}

/** A new, scheduled session whose only member is its facilitator. */
export function createSession(input: CreateSessionInput): SessionState {
  const stages = input.template.stages;
  return {
    id: input.id,
    groupName: input.groupName.trim(),
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
        displayName: input.facilitator.displayName.trim(),
        role: 'facilitator',
        presence: Presence.offline,
      },
    ],
    notes: {},
    lastStageChange: null,
    customStageCount: 0,
  };
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
