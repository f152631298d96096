import { describe, expect, it } from 'vitest';
import { contributionsOf } from './contributions.ts';
import { carryOver } from './cycle.ts';
import { can, decide } from './decide.ts';
import { LIMITS } from './limits.ts';
import { createSession, currentConsultation, findPerson, type SessionState } from './session.ts';
import { REMOTE_TWO_HOURS } from './templates.ts';
import { expectRejected, run, T0 } from './testing/builders.ts';
import { makeConsultingSession } from './testing/contentSamples.ts';
import { viewFor } from './viewFor.ts';

/** `con` has written for the group and for themselves, raised a hand, voted and holds the floor. */
function sessionWithConsultant(): SessionState {
  let state = makeConsultingSession();
  state = run(state, 'con', { type: 'writeNote', text: 'CON-PRIVATE' });
  state = run(state, 'con', { type: 'writeLearnings', content: 'CON-SHARED', process: '' });
  state = run(state, 'con', {
    type: 'setVisibility',
    ref: { kind: 'learnings', id: 'con' },
    visibility: 'group',
  });
  state = run(state, 'con', { type: 'raiseHand' });
  state = run(state, 'fac', { type: 'startRound' });
  return state;
}

describe('[R49] the facilitator removes a person from the session', () => {
  it('takes them out of the roster, the turns and the votes; their texts stay as they were', () => {
    const before = sessionWithConsultant();
    expect(before.turns.round).toContain('con');
    const state = run(before, 'fac', { type: 'removePerson', personId: 'con' });
    expect(findPerson(state, 'con')).toBeUndefined();
    expect(state.removedIds).toEqual(['con']);
    expect(state.turns.hands).not.toContain('con');
    expect(state.turns.round).not.toContain('con');
    expect(state.turns.speakerId).not.toBe('con');
    // Their texts follow the retention rules: what the group could read, it still reads; what
    // was theirs alone, nobody reads — not even them, who are no longer in the session.
    expect(state.notes.con?.text).toBe('CON-PRIVATE');
    expect(viewFor(state, 'cli').learnings.con?.content).toBe('CON-SHARED');
    expect(viewFor(state, 'fac').notes.con).toBeUndefined();
    expect(JSON.stringify(viewFor(state, 'con'))).not.toContain('CON-');
  });

  it('is the facilitator’s alone, never about the facilitator, and about someone in the session', () => {
    const state = sessionWithConsultant();
    expectRejected(state, 'cli', { type: 'removePerson', personId: 'con' }, 'notFacilitator');
    expectRejected(state, 'fac', { type: 'removePerson', personId: 'fac' }, 'facilitatorKeepsRole');
    expectRejected(state, 'fac', { type: 'removePerson', personId: 'nobody' }, 'unknownPerson');
    const ended = run(state, 'fac', { type: 'endSession' });
    expect(run(ended, 'fac', { type: 'removePerson', personId: 'con' }).removedIds).toEqual([
      'con',
    ]);
  });

  it('a removed person cannot join again under the same seat, nor act; they may still erase their data', () => {
    let state = run(sessionWithConsultant(), 'fac', { type: 'removePerson', personId: 'con' });
    expectRejected(state, 'con', { type: 'join', displayName: 'Con' }, 'removed');
    expect(can(state, 'con', 'join')).toEqual({ ok: false, reason: 'removed' });
    expectRejected(state, 'con', { type: 'writeNote', text: 'back' }, 'notInSession');
    expectRejected(state, 'con', { type: 'removePerson', personId: 'cli' }, 'notInSession');
    // Erasing one's data outlives one's seat: the retention sweep does it in their name.
    expect(can(state, 'con', 'eraseMyContent')).toEqual({ ok: true });
    expect(can(state, 'stranger', 'eraseMyContent')).toEqual({ ok: false, reason: 'notInSession' });
    state = run(state, 'con', { type: 'eraseMyContent' });
    expect(JSON.stringify(state)).not.toContain('CON-');
    expect(contributionsOf(state, 'con').note).toEqual([]);
  });

  it('removing the client leaves the consultation theirs, and nobody its client', () => {
    const before = makeConsultingSession();
    const state = run(before, 'fac', { type: 'removePerson', personId: 'cli' });
    expect(currentConsultation(state)?.clientId).toBe('cli');
    expect(state.people.some((p) => p.role === 'client')).toBe(false);
    // The facilitator may give the role to someone else; their plan would be a new consultation's.
    expectRejected(
      state,
      'con',
      { type: 'writeActionPlan', actions: ['a'], firstStep: '', byWhen: null },
      'notClient',
    );
    expect(
      run(state, 'fac', { type: 'assignRole', personId: 'con', role: 'client' }).people,
    ).toContainEqual(expect.objectContaining({ id: 'con', role: 'client' }));
  });

  it('the group’s next session keeps them out too', () => {
    const state = run(makeConsultingSession(), 'fac', { type: 'removePerson', personId: 'con' });
    const next = createSession({
      id: 'next',
      groupId: state.groupId,
      groupName: state.groupName,
      template: REMOTE_TWO_HOURS,
      facilitator: { id: 'fac', displayName: 'Awa' },
      now: T0,
      ...carryOver([state]),
    });
    expect(next.removedIds).toEqual(['con']);
    expect(decide(next, { type: 'join', displayName: 'Con' }, 'con', T0)).toEqual({
      ok: false,
      reason: 'removed',
    });
  });

  it(`stops at ${LIMITS.removalsMax} removals a session`, () => {
    const state = {
      ...makeConsultingSession(),
      removedIds: Array.from({ length: LIMITS.removalsMax }, (_, i) => `r${i}`),
    };
    expectRejected(state, 'fac', { type: 'removePerson', personId: 'con' }, 'tooManyItems');
  });
});
