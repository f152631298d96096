import { type CommandEntries, UNTIL_THE_END, WHILE_LIVE } from '../commandEntry.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { Rejection } from '../rejection.ts';
import type { SessionState } from '../session.ts';
import { adjustTimer, idleTimer } from '../timer.ts';

/**
 * The stage timer, stored as absolute times [R9]–[R11], and the stages whose timer starts by
 * itself when they start [R71].
 */
export type TimerCommand =
  | { readonly type: 'startTimer' }
  | { readonly type: 'pauseTimer' }
  | { readonly type: 'resumeTimer' }
  | { readonly type: 'adjustTimer'; readonly deltaMs: number }
  | { readonly type: 'resetTimer' }
  | {
      readonly type: 'setTimerAutoStart';
      /** One stage, or every stage of the plan. */
      readonly stageKeys: readonly string[];
      readonly isAutoTimed: boolean;
    };

export type TimerEvent =
  | { readonly type: 'timerStarted'; readonly endsAt: number }
  | { readonly type: 'timerPaused'; readonly remainingMs: number }
  | { readonly type: 'timerResumed'; readonly endsAt: number }
  | { readonly type: 'timerAdjusted'; readonly deltaMs: number }
  | { readonly type: 'timerReset' }
  | {
      readonly type: 'timerAutoStartSet';
      readonly stageKeys: readonly string[];
      readonly isAutoTimed: boolean;
    };

/**
 * What starting the stage at `stageIndex` does to the timer [R71]: an auto-timed stage's timer
 * starts at once, from the stage's planned duration (counting up when it has none, [R70]).
 */
export function timerOnStageStart(
  state: SessionState,
  stageIndex: number,
  now: number,
): TimerEvent[] {
  const stage = state.stages[stageIndex];
  if (!stage?.isAutoTimed) return [];
  return [{ type: 'timerStarted', endsAt: now + (stage.plannedMs ?? 0) }];
}

export const timerCommands: CommandEntries<TimerCommand> = {
  startTimer: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, _command, _actor, now) {
      if (state.timer.status !== 'idle') return reject(Rejection.timerAlreadyStarted);
      return accept({ type: 'timerStarted', endsAt: now + state.timer.durationMs });
    },
  },
  pauseTimer: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, _command, _actor, now) {
      if (state.timer.status !== 'running') return reject(Rejection.timerNotRunning);
      return accept({ type: 'timerPaused', remainingMs: state.timer.endsAt - now });
    },
  },
  resumeTimer: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, _command, _actor, now) {
      if (state.timer.status !== 'paused') return reject(Rejection.timerNotPaused);
      return accept({ type: 'timerResumed', endsAt: now + state.timer.remainingMs });
    },
  },
  adjustTimer: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(_state, { deltaMs }) {
      if (
        !Number.isInteger(deltaMs) ||
        deltaMs === 0 ||
        Math.abs(deltaMs) > LIMITS.timerAdjustMaxMs
      )
        return reject(Rejection.invalidDuration);
      return accept({ type: 'timerAdjusted', deltaMs });
    },
  },
  resetTimer: {
    who: 'facilitator',
    when: WHILE_LIVE,
    isWholeText: false,
    decide: () => accept({ type: 'timerReset' }),
  },
  setTimerAutoStart: {
    who: 'facilitator',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { stageKeys, isAutoTimed }) {
      if (stageKeys.length === 0) return reject(Rejection.unchanged);
      const keys = [...new Set(stageKeys)];
      const stages = keys.map((key) => state.stages.find((stage) => stage.key === key));
      if (stages.some((stage) => !stage)) return reject(Rejection.unknownStage);
      if (stages.every((stage) => (stage?.isAutoTimed ?? false) === isAutoTimed))
        return reject(Rejection.unchanged);
      return accept({ type: 'timerAutoStartSet', stageKeys: keys, isAutoTimed });
    },
  },
};

export const timerEvents: EventEntries<TimerEvent> = {
  timerStarted: {
    apply: (state, { endsAt }) => ({
      ...state,
      timer: { status: 'running', durationMs: state.timer.durationMs, endsAt },
    }),
    privacy: PUBLIC,
  },
  timerPaused: {
    apply: (state, { remainingMs }) => ({
      ...state,
      timer: { status: 'paused', durationMs: state.timer.durationMs, remainingMs },
    }),
    privacy: PUBLIC,
  },
  timerResumed: {
    apply: (state, { endsAt }) => ({
      ...state,
      timer: { status: 'running', durationMs: state.timer.durationMs, endsAt },
    }),
    privacy: PUBLIC,
  },
  timerAdjusted: {
    apply: (state, { deltaMs }) => ({ ...state, timer: adjustTimer(state.timer, deltaMs) }),
    privacy: PUBLIC,
  },
  timerReset: {
    apply: (state) => ({
      ...state,
      timer: idleTimer(state.stages[state.currentStageIndex]?.plannedMs ?? null),
    }),
    privacy: PUBLIC,
  },
  // The option acts when a stage starts: a stage already under way keeps its timer as it is.
  timerAutoStartSet: {
    apply: (state, { stageKeys, isAutoTimed }) => ({
      ...state,
      stages: state.stages.map((stage) =>
        stageKeys.includes(stage.key) ? { ...stage, isAutoTimed } : stage,
      ),
    }),
    privacy: PUBLIC,
  },
};
