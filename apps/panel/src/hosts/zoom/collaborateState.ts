import { IN_COLLABORATE } from './zoomClient.ts';

/**
 * Where this person stands with Zoom's Collaborate mode. Zoom's guide: `onCollaborateChange` says
 * that something changed (`start`, `end` for hosts; `join`, `leave` for participants) without the
 * detail, so the running context, read again after each event, says whether the person is in it.
 */
export interface CollaborateState {
  /** The running context is `inCollaborate`: Zoom shows Cercle to everyone who joined. */
  readonly isIn: boolean;
  /** Someone started Collaborate and this person is not in it: Cercle offers to join. */
  readonly isOffered: boolean;
}

export const OUTSIDE_COLLABORATE: CollaborateState = { isIn: false, isOffered: false };

export function withRunningContext(
  state: CollaborateState,
  runningContext: string,
): CollaborateState {
  const isIn = runningContext === IN_COLLABORATE;
  // Leaving it while it goes on leaves the door open; its end closes it (see below).
  return { isIn, isOffered: isIn ? false : state.isOffered || state.isIn };
}

export function withCollaborateAction(state: CollaborateState, action: string): CollaborateState {
  switch (action) {
    case 'start':
      return { ...state, isOffered: !state.isIn };
    case 'end':
      return { isIn: false, isOffered: false };
    case 'join':
      return { isIn: true, isOffered: false };
    case 'leave':
      return { isIn: false, isOffered: true };
    default:
      // A newer Zoom's action (e.g. `endCollaborateSidecar`): the running context will say.
      return state;
  }
}
