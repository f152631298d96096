import { type CommandEntries, UNTIL_THE_END, WHILE_LIVE } from '../commandEntry.ts';
import { CUSTOM_STAGE_GUIDANCE } from '../customStageGuidance.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { cleanName } from '../names.ts';
import { Rejection } from '../rejection.ts';
import type { SessionState } from '../session.ts';
import type { Floor, Stage } from '../stage.ts';
import { isValidName } from '../text.ts';
import { idleTimer } from '../timer.ts';
import { timerOnStageStart } from './timer.ts';

export interface StageDuration {
  readonly stageKey: string;
  readonly plannedMs: number | null;
}

/**
 * The stages and which one is current [R6]–[R8] [R12]–[R15]. Commands that move the current stage
 * carry the stage they act from, so that two facilitator panels clicking at once cannot skip a
 * stage twice.
 */
export type StageCommand =
  | { readonly type: 'goToStage'; readonly fromIndex: number; readonly toIndex: number }
  | { readonly type: 'undoStageChange'; readonly fromIndex: number }
  | { readonly type: 'setStageDurations'; readonly durations: readonly StageDuration[] }
  | {
      readonly type: 'addStage';
      readonly atIndex: number;
      readonly title: string;
      readonly plannedMs: number | null;
      readonly floor: Floor;
    }
  | { readonly type: 'removeStage'; readonly stageKey: string }
  | { readonly type: 'moveStage'; readonly stageKey: string; readonly toIndex: number };

export type StageEvent =
  | {
      readonly type: 'stageChanged';
      readonly fromIndex: number;
      readonly toIndex: number;
      readonly at: number;
    }
  | { readonly type: 'stageChangeUndone'; readonly at: number }
  | { readonly type: 'stageDurationsChanged'; readonly durations: readonly StageDuration[] }
  | { readonly type: 'stageAdded'; readonly atIndex: number; readonly stage: Stage }
  | { readonly type: 'stageRemoved'; readonly stageKey: string }
  | { readonly type: 'stageMoved'; readonly stageKey: string; readonly toIndex: number };

function isValidDuration(plannedMs: number | null): boolean {
  return (
    plannedMs === null ||
    (Number.isInteger(plannedMs) && plannedMs > 0 && plannedMs <= LIMITS.stageDurationMaxMs)
  );
}

/**
 * A stage still ahead [R13]–[R15]: before the start every stage is; live, only those after the
 * current one. Only there may a stage be slipped in, moved or removed.
 */
export function isStageAhead(state: SessionState, index: number): boolean {
  return state.lifecycle !== 'live' || index > state.currentStageIndex;
}

export const stageCommands: CommandEntries<StageCommand> = {
  goToStage: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, { fromIndex, toIndex }, _actor, now) {
      if (fromIndex !== state.currentStageIndex) return reject(Rejection.staleStage);
      if (toIndex < 0 || toIndex >= state.stages.length) return reject(Rejection.stageOutOfRange);
      if (toIndex === state.currentStageIndex) return reject(Rejection.sameStage);
      return accept(
        { type: 'stageChanged', fromIndex, toIndex, at: now },
        ...timerOnStageStart(state, toIndex, now),
      );
    },
  },
  undoStageChange: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, { fromIndex }, _actor, now) {
      if (!state.lastStageChange) return reject(Rejection.nothingToUndo);
      if (fromIndex !== state.currentStageIndex) return reject(Rejection.staleStage);
      return accept({ type: 'stageChangeUndone', at: now });
    },
  },
  setStageDurations: {
    who: 'facilitator',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { durations }) {
      if (durations.length === 0) return reject(Rejection.unchanged);
      for (const { stageKey, plannedMs } of durations) {
        if (!state.stages.some((stage) => stage.key === stageKey))
          return reject(Rejection.unknownStage);
        if (!isValidDuration(plannedMs)) return reject(Rejection.invalidDuration);
      }
      return accept({ type: 'stageDurationsChanged', durations });
    },
  },
  addStage: {
    who: 'facilitator',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, command) {
      if (state.stages.length >= LIMITS.stagesMax) return reject(Rejection.tooManyStages);
      if (!Number.isInteger(command.atIndex) || command.atIndex < 0)
        return reject(Rejection.stageOutOfRange);
      if (command.atIndex > state.stages.length) return reject(Rejection.stageOutOfRange);
      if (!isValidName(command.title, LIMITS.stageTitleMaxChars))
        return reject(Rejection.invalidText);
      if (!isValidDuration(command.plannedMs)) return reject(Rejection.invalidDuration);
      // Live, a stage cannot be slipped in before the one being run: that would rewrite the past.
      if (!isStageAhead(state, command.atIndex)) return reject(Rejection.stageOutOfRange);
      const title = cleanName(command.title);
      return accept({
        type: 'stageAdded',
        atIndex: command.atIndex,
        stage: {
          key: `custom-${state.customStageCount + 1}`,
          title: { fr: title, en: title },
          plannedMs: command.plannedMs,
          floor: command.floor,
          guidance: CUSTOM_STAGE_GUIDANCE,
        },
      });
    },
  },
  removeStage: {
    who: 'facilitator',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { stageKey }) {
      const index = state.stages.findIndex((stage) => stage.key === stageKey);
      if (index < 0) return reject(Rejection.unknownStage);
      if (state.stages.length === 1) return reject(Rejection.cannotRemoveLastStage);
      if (!isStageAhead(state, index)) return reject(Rejection.cannotRemoveCurrentStage);
      return accept({ type: 'stageRemoved', stageKey });
    },
  },
  moveStage: {
    who: 'facilitator',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { stageKey, toIndex }) {
      const index = state.stages.findIndex((stage) => stage.key === stageKey);
      if (index < 0) return reject(Rejection.unknownStage);
      if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= state.stages.length)
        return reject(Rejection.stageOutOfRange);
      if (toIndex === index) return reject(Rejection.unchanged);
      // Live, only stages still ahead can be reordered, among themselves.
      if (!isStageAhead(state, index) || !isStageAhead(state, toIndex))
        return reject(Rejection.stageOutOfRange);
      return accept({ type: 'stageMoved', stageKey, toIndex });
    },
  },
};

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

export const stageEvents: EventEntries<StageEvent> = {
  stageChanged: {
    apply: (state, event) => ({
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
    }),
    privacy: PUBLIC,
  },
  stageChangeUndone: {
    apply: (state) => {
      const change = state.lastStageChange;
      if (!change) return state;
      return {
        ...state,
        currentStageIndex: change.fromIndex,
        timer: change.previousTimer,
        stageStartedAt: change.previousStageStartedAt,
        lastStageChange: null,
      };
    },
    privacy: PUBLIC,
  },
  stageDurationsChanged: {
    apply: (state, { durations }) => {
      const planned = new Map(durations.map((d) => [d.stageKey, d.plannedMs]));
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
    },
    privacy: PUBLIC,
  },
  stageAdded: {
    apply: (state, { atIndex, stage }) => {
      const stages = [...state.stages];
      stages.splice(atIndex, 0, stage);
      return { ...withStages(state, stages), customStageCount: state.customStageCount + 1 };
    },
    privacy: PUBLIC,
  },
  stageRemoved: {
    apply: (state, { stageKey }) =>
      withStages(
        state,
        state.stages.filter((stage) => stage.key !== stageKey),
      ),
    privacy: PUBLIC,
  },
  stageMoved: {
    apply: (state, { stageKey, toIndex }) => {
      const moved = state.stages.find((stage) => stage.key === stageKey);
      if (!moved) return state;
      const stages = state.stages.filter((stage) => stage.key !== stageKey);
      stages.splice(toIndex, 0, moved);
      return withStages(state, stages);
    },
    privacy: PUBLIC,
  },
};
