import { type CommandEntries, WHILE_LIVE } from '../commandEntry.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { Rejection } from '../rejection.ts';
import { adjustTimer, idleTimer } from '../timer.ts';

/** The stage timer, stored as absolute times [R9]–[R11]. */
export type TimerCommand =
  | { readonly type: 'startTimer' }
  | { readonly type: 'pauseTimer' }
  | { readonly type: 'resumeTimer' }
  | { readonly type: 'adjustTimer'; readonly deltaMs: number }
  | { readonly type: 'resetTimer' };

export type TimerEvent =
  | { readonly type: 'timerStarted'; readonly endsAt: number }
  | { readonly type: 'timerPaused'; readonly remainingMs: number }
  | { readonly type: 'timerResumed'; readonly endsAt: number }
  | { readonly type: 'timerAdjusted'; readonly deltaMs: number }
  | { readonly type: 'timerReset' };

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
};
