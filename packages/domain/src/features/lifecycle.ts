import { BEFORE_THE_START, type CommandEntries, UNTIL_THE_END } from '../commandEntry.ts';
import { accept } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { totalPlannedMs } from '../session.ts';
import { timerOnStageStart } from './timer.ts';

/** Scheduled → live → ended [R5] [R21]. */
export type LifecycleCommand = { readonly type: 'startSession' } | { readonly type: 'endSession' };

export type LifecycleEvent =
  | { readonly type: 'sessionStarted'; readonly at: number }
  | { readonly type: 'sessionEnded'; readonly at: number };

export const lifecycleCommands: CommandEntries<LifecycleCommand> = {
  startSession: {
    who: 'facilitator',
    when: BEFORE_THE_START,
    isWholeText: false,
    decide: (state, _command, _actor, now) =>
      accept(
        { type: 'sessionStarted', at: now },
        ...timerOnStageStart(state, state.currentStageIndex, now),
      ),
  },
  endSession: {
    who: 'facilitator',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide: (_state, _command, _actor, now) => accept({ type: 'sessionEnded', at: now }),
  },
};

export const lifecycleEvents: EventEntries<LifecycleEvent> = {
  sessionStarted: {
    apply: (state, { at }) => ({
      ...state,
      lifecycle: 'live',
      startedAt: at,
      stageStartedAt: at,
      plannedEndAt: at + totalPlannedMs(state.stages),
    }),
    privacy: PUBLIC,
  },
  sessionEnded: {
    apply: (state, { at }) => ({
      ...state,
      lifecycle: 'ended',
      endedAt: at,
      // Ending pauses a running timer, so the time left reads the same ever after.
      timer:
        state.timer.status === 'running'
          ? {
              status: 'paused',
              durationMs: state.timer.durationMs,
              remainingMs: state.timer.endsAt - at,
            }
          : state.timer,
    }),
    privacy: PUBLIC,
  },
};
