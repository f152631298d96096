import type { Command, SessionView, Stage, Timer } from '@cercle/domain';
import type { ShortcutAction } from '../ui/shortcuts.ts';
import { canSend } from './canSend.ts';

/** One minute, the step of the timer's +1/−1 buttons. */
export const TIMER_STEP_MS = 60_000;

/**
 * What each of the facilitator's main actions would send from this view, or null where it does not
 * apply or the domain would not take it from this person now: buttons and keyboard shortcuts share
 * it, so both always do the same thing.
 */
export function facilitatorCommands(
  view: SessionView,
  myId: string,
): Record<ShortcutAction, Command | null> {
  const index = view.currentStageIndex;
  const allowed = (command: Command | null) =>
    command && canSend(view, myId, command.type) ? command : null;
  return {
    next: allowed(
      index < view.stages.length - 1
        ? { type: 'goToStage', fromIndex: index, toIndex: index + 1 }
        : null,
    ),
    previous: allowed(
      index > 0 ? { type: 'goToStage', fromIndex: index, toIndex: index - 1 } : null,
    ),
    undo: allowed(undoTarget(view) ? { type: 'undoStageChange', fromIndex: index } : null),
    timer: allowed(timerToggle(view.timer)),
    plusMinute: allowed({ type: 'adjustTimer', deltaMs: TIMER_STEP_MS }),
    minusMinute: allowed({ type: 'adjustTimer', deltaMs: -TIMER_STEP_MS }),
  };
}

/** At the last stage the next step is the session's end: the facilitator's bar offers it. */
export function isLastStage(view: SessionView): boolean {
  return view.currentStageIndex === view.stages.length - 1;
}

/** The stage an undo would go back to, if the last change led here. */
export function undoTarget(view: SessionView): Stage | undefined {
  const change = view.lastStageChange;
  return change && change.toIndex === view.currentStageIndex
    ? view.stages[change.fromIndex]
    : undefined;
}

function timerToggle(timer: Timer): Command {
  switch (timer.status) {
    case 'idle':
      return { type: 'startTimer' };
    case 'running':
      return { type: 'pauseTimer' };
    case 'paused':
      return { type: 'resumeTimer' };
  }
}
