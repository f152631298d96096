import { describe, expect, it } from 'vitest';
import { carryOver, cycleDashboard } from './cycle.ts';
import { createSession } from './session.ts';
import { REMOTE_TWO_HOURS } from './templates.ts';
import { run, T0 } from './testing/builders.ts';
import { makeConsultingSession } from './testing/contentSamples.ts';

function nextSession(previous: ReturnType<typeof makeConsultingSession>) {
  const carried = carryOver([previous]);
  let state = createSession({
    id: 'session-2',
    groupId: previous.groupId,
    groupName: previous.groupName,
    template: REMOTE_TWO_HOURS,
    facilitator: { id: 'fac', displayName: 'Awa' },
    now: T0 + 30 * 86_400_000,
    ...carried,
  });
  for (const id of ['cli', 'con']) state = run(state, id, { type: 'join', displayName: id });
  return state;
}

describe('the cycle', () => {
  it('[R41] a new session carries the last client, case and plan, and who was client already', () => {
    let first = makeConsultingSession();
    first = run(first, 'cli', {
      type: 'writeActionPlan',
      actions: ['Agir'],
      firstStep: 'Un café',
      byWhen: null,
    });
    const { previous, pastClientIds } = carryOver([first]);
    expect(previous).toMatchObject({
      sessionId: 'session',
      clientId: 'cli',
      caseTitle: 'Un agent en retrait',
    });
    expect(previous?.plan?.actions).toEqual(['Agir']);
    expect(pastClientIds).toEqual(['cli']);
    expect(carryOver([{ ...first, cycleSessions: 6 }]).cycleSessions).toBe(6);
    expect(carryOver([]).previous).toBeNull();
  });

  it('[R42] the dashboard shows plans and follow-ups as each member may read them', () => {
    let first = makeConsultingSession();
    first = run(first, 'cli', {
      type: 'writeActionPlan',
      actions: ['PLAN'],
      firstStep: '',
      byWhen: null,
    });
    first = run(first, 'con', { type: 'writeLearnings', content: 'SHARED', process: '' });
    first = run(first, 'con', {
      type: 'setVisibility',
      ref: { kind: 'learnings', id: 'con' },
      visibility: 'group',
    });
    first = run(first, 'obs', { type: 'writeLearnings', content: 'PRIVATE', process: '' });
    let second = nextSession(first);
    second = run(second, 'fac', { type: 'startSession' });
    second = run(second, 'cli', {
      type: 'writeDebrief',
      tried: 'FOLLOW-UP',
      worked: '',
      didNotWork: '',
    });
    const seenByCon = cycleDashboard([first, second], 'con');
    expect(seenByCon[0]?.consultations[0]).toMatchObject({
      clientName: 'cli',
      caseTitle: 'Un agent en retrait',
    });
    expect(seenByCon[0]?.consultations[0]?.plan?.actions).toEqual(['PLAN']);
    expect(seenByCon[0]?.consultations[0]?.followUp?.tried).toBe('FOLLOW-UP');
    expect(seenByCon[0]?.attendees).toEqual(['Awa', 'cli', 'con', 'obs']);
    expect(JSON.stringify(seenByCon)).toContain('SHARED');
    expect(JSON.stringify(seenByCon)).not.toContain('PRIVATE');
    // The client keeps the plan to themselves: it leaves everyone's dashboard but theirs.
    first = run(first, 'cli', {
      type: 'setVisibility',
      ref: { kind: 'actionPlan', id: 'consultation-1' },
      visibility: 'me',
    });
    expect(cycleDashboard([first, second], 'con')[0]?.consultations[0]?.plan).toBeNull();
    expect(cycleDashboard([first, second], 'cli')[0]?.consultations[0]?.plan).not.toBeNull();
    expect(JSON.stringify(cycleDashboard([first, second], 'con'))).not.toContain('PLAN');
  });
});
