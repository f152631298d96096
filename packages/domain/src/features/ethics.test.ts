import { describe, expect, it } from 'vitest';
import { apply } from '../apply.ts';
import { carryOver } from '../cycle.ts';
import { decide } from '../decide.ts';
import { Rejection } from '../rejection.ts';
import { createSession } from '../session.ts';
import { REMOTE_TWO_HOURS } from '../templates.ts';
import { expectRejected, makeLiveSession, makeSession, run, T0 } from '../testing/builders.ts';
import { viewFor, visibleEvent } from '../viewFor.ts';
import { hasAcceptedEthics, notYetAcceptedEthics } from './ethics.ts';

describe('[R90] the code of ethics', () => {
  it('each person accepts it, observers and the facilitator included; nobody has to begin with', () => {
    let state = makeLiveSession();
    expect(notYetAcceptedEthics(state)).toEqual(['fac', 'cli', 'con', 'obs']);
    state = run(state, 'obs', { type: 'acceptEthics' });
    state = run(state, 'fac', { type: 'acceptEthics' });
    expect(hasAcceptedEthics(state, 'obs')).toBe(true);
    expect(notYetAcceptedEthics(state)).toEqual(['cli', 'con']);
  });

  it('accepting twice changes nothing; accepting is one’s own, before the end only', () => {
    let state = run(makeSession({ people: ['kim'] }), 'kim', { type: 'acceptEthics' });
    expectRejected(state, 'kim', { type: 'acceptEthics' }, Rejection.unchanged);
    expectRejected(state, 'stranger', { type: 'acceptEthics' }, Rejection.notInSession);
    state = run(run(state, 'fac', { type: 'startSession' }), 'fac', { type: 'endSession' });
    expectRejected(state, 'fac', { type: 'acceptEthics' }, Rejection.sessionEnded);
  });

  it('the group sees who has accepted: the event is the same for every reader', () => {
    const state = makeLiveSession();
    const decision = decide(state, { type: 'acceptEthics' }, 'con', T0);
    if (!decision.ok) throw new Error(decision.reason);
    const [event] = decision.events;
    if (!event) throw new Error('no event');
    const after = apply(state, event);
    for (const reader of ['fac', 'cli', 'obs']) {
      expect(visibleEvent(event, reader, after)).toEqual(event);
      expect(viewFor(after, reader).ethicsAcceptedIds).toEqual(['con']);
    }
  });

  it('the group’s next session carries who accepted, so only newcomers are asked again', () => {
    const first = run(makeSession({ people: ['kim'] }), 'kim', { type: 'acceptEthics' });
    const carried = carryOver([first]);
    expect(carried.ethicsAcceptedIds).toEqual(['kim']);
    const next = createSession({
      id: 'next',
      groupId: first.groupId,
      groupName: first.groupName,
      template: REMOTE_TWO_HOURS,
      facilitator: { id: 'fac', displayName: 'Awa' },
      now: T0,
      ...carried,
    });
    expect(hasAcceptedEthics(next, 'kim')).toBe(true);
    expect(notYetAcceptedEthics(next)).toEqual(['fac']);
  });
});
