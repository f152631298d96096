import { describe, expect, it } from 'vitest';
import {
  type CollaborateState,
  OUTSIDE_COLLABORATE,
  withCollaborateAction,
  withRunningContext,
} from './collaborateState.ts';

describe('Collaborate as a participant’s panel follows it', () => {
  it('offers to join once someone starts it, and stops offering once in', () => {
    const offered = withCollaborateAction(OUTSIDE_COLLABORATE, 'start');
    expect(offered).toEqual({ isIn: false, isOffered: true });
    expect(withRunningContext(offered, 'inCollaborate')).toEqual({ isIn: true, isOffered: false });
  });

  it('the one who started it is in it, with nothing to join', () => {
    const started = withRunningContext(OUTSIDE_COLLABORATE, 'inCollaborate');
    expect(withCollaborateAction(started, 'start')).toEqual({ isIn: true, isOffered: false });
  });

  it('after leaving, offers to join again; after its end, offers nothing', () => {
    const inside: CollaborateState = { isIn: true, isOffered: false };
    expect(withRunningContext(inside, 'inMeeting')).toEqual({ isIn: false, isOffered: true });
    expect(withCollaborateAction(inside, 'leave')).toEqual({ isIn: false, isOffered: true });
    const ended = withCollaborateAction(inside, 'end');
    expect(ended).toEqual({ isIn: false, isOffered: false });
    expect(withRunningContext(ended, 'inMeeting')).toEqual({ isIn: false, isOffered: false });
  });

  it('an action it does not know changes nothing: the running context decides', () => {
    const inside: CollaborateState = { isIn: true, isOffered: false };
    expect(withCollaborateAction(inside, 'endCollaborateSidecar')).toBe(inside);
  });
});
