import { applyContent } from './applyContent.ts';
import type { SessionEvent } from './event.ts';
import { type Person, type SessionState, totalPlannedMs } from './session.ts';
import type { Stage } from './stage.ts';
import { adjustTimer, idleTimer } from './timer.ts';

function updatePerson(
  people: readonly Person[],
  personId: string,
  change: (person: Person) => Person,
): Person[] {
  return people.map((person) => (person.id === personId ? change(person) : person));
}

/** A stage list changed shape: keep the current stage current and forget the undo point. */
function withStages(state: SessionState, stages: readonly Stage[]): SessionState {
  const currentKey = state.stages[state.currentStageIndex]?.key;
  const index = stages.findIndex((stage) => stage.key === currentKey);
  if (index >= 0) return { ...state, stages, currentStageIndex: index, lastStageChange: null };
  // The current stage itself went away (only possible before the start): the next one takes over.
  const currentStageIndex = Math.min(state.currentStageIndex, stages.length - 1);
  return {
    ...state,
    stages,
    currentStageIndex,
    timer: idleTimer(stages[currentStageIndex]?.plannedMs ?? null),
    lastStageChange: null,
  };
}

/** Applies a recorded event. Events are facts: this never refuses, and is shared by server and panel. */
export function apply(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'personJoined':
      return { ...state, people: [...state.people, event.person] };
    case 'sessionStarted':
      return {
        ...state,
        lifecycle: 'live',
        startedAt: event.at,
        stageStartedAt: event.at,
        plannedEndAt: event.at + totalPlannedMs(state.stages),
      };
    case 'sessionEnded':
      return {
        ...state,
        lifecycle: 'ended',
        endedAt: event.at,
        timer:
          state.timer.status === 'running'
            ? {
                status: 'paused',
                durationMs: state.timer.durationMs,
                remainingMs: state.timer.endsAt - event.at,
              }
            : state.timer,
      };
    case 'stageChanged':
      return {
        ...state,
        currentStageIndex: event.toIndex,
        stageStartedAt: event.at,
        timer: idleTimer(state.stages[event.toIndex]?.plannedMs ?? null),
        lastStageChange: {
          fromIndex: event.fromIndex,
          toIndex: event.toIndex,
          previousTimer: state.timer,
          previousStageStartedAt: state.stageStartedAt,
        },
      };
    case 'stageChangeUndone': {
      const change = state.lastStageChange;
      if (!change) return state;
      return {
        ...state,
        currentStageIndex: change.fromIndex,
        timer: change.previousTimer,
        stageStartedAt: change.previousStageStartedAt,
        lastStageChange: null,
      };
    }
    case 'timerStarted':
      return {
        ...state,
        timer: { status: 'running', durationMs: state.timer.durationMs, endsAt: event.endsAt },
      };
    case 'timerPaused':
      return {
        ...state,
        timer: {
          status: 'paused',
          durationMs: state.timer.durationMs,
          remainingMs: event.remainingMs,
        },
      };
    case 'timerResumed':
      return {
        ...state,
        timer: { status: 'running', durationMs: state.timer.durationMs, endsAt: event.endsAt },
      };
    case 'timerAdjusted':
      return { ...state, timer: adjustTimer(state.timer, event.deltaMs) };
    case 'timerReset':
      return {
        ...state,
        timer: idleTimer(state.stages[state.currentStageIndex]?.plannedMs ?? null),
      };
    case 'stageDurationsChanged': {
      const planned = new Map(event.durations.map((d) => [d.stageKey, d.plannedMs]));
      const stages = state.stages.map((stage) =>
        planned.has(stage.key) ? { ...stage, plannedMs: planned.get(stage.key) ?? null } : stage,
      );
      const current = stages[state.currentStageIndex];
      // A timer not yet started follows its stage's new duration; a started one is the facilitator's.
      const timer =
        state.timer.status === 'idle' && current && planned.has(current.key)
          ? idleTimer(current.plannedMs)
          : state.timer;
      return { ...state, stages, timer };
    }
    case 'stageAdded': {
      const stages = [...state.stages];
      stages.splice(event.atIndex, 0, event.stage);
      return { ...withStages(state, stages), customStageCount: state.customStageCount + 1 };
    }
    case 'stageRemoved':
      return withStages(
        state,
        state.stages.filter((stage) => stage.key !== event.stageKey),
      );
    case 'stageMoved': {
      const moved = state.stages.find((stage) => stage.key === event.stageKey);
      if (!moved) return state;
      const stages = state.stages.filter((stage) => stage.key !== event.stageKey);
      stages.splice(event.toIndex, 0, moved);
      return withStages(state, stages);
    }
    case 'roleAssigned':
      return {
        ...state,
        // At most one client: giving the role to someone makes the previous client a consultant.
        people: state.people.map((person) => {
          if (person.id === event.personId) return { ...person, role: event.role };
          if (event.role === 'client' && person.role === 'client')
            return { ...person, role: 'consultant' };
          return person;
        }),
      };
    case 'facilitationHandedOver':
      return {
        ...state,
        people: state.people.map((person) => {
          if (person.id === event.toPersonId) return { ...person, role: 'facilitator' };
          if (person.id === event.fromPersonId) return { ...person, role: 'consultant' };
          return person;
        }),
      };
    case 'personRenamed':
      return {
        ...state,
        people: updatePerson(state.people, event.personId, (p) => ({
          ...p,
          displayName: event.displayName,
        })),
      };
    case 'presenceChanged':
      return {
        ...state,
        people: updatePerson(state.people, event.personId, (p) => ({
          ...p,
          presence: event.presence,
        })),
      };
    case 'noteWritten': {
      const visibility = event.visibility ?? state.notes[event.authorId]?.visibility ?? 'me';
      const note = { authorId: event.authorId, text: event.text, visibility, updatedAt: event.at };
      return { ...state, notes: { ...state.notes, [event.authorId]: note } };
    }
    default:
      return applyContent(state, event);
  }
}

export function applyAll(state: SessionState, events: readonly SessionEvent[]): SessionState {
  return events.reduce(apply, state);
}
