import { describe, expect, it } from 'vitest';
import { carryOver } from './cycle.ts';
import { cycleRoster, publishedAverageRating } from './cycleRoster.ts';
import { createSession, type SessionState } from './session.ts';
import { REMOTE_TWO_HOURS } from './templates.ts';
import { run, T0 } from './testing/builders.ts';
import { makeConsultingSession } from './testing/contentSamples.ts';

const plannedSecond = (first: SessionState) => secondSession(first);

/** The group's second session: `cli` and `con` come back, `dia` joins mid-cycle, `obs` is away. */
function secondSession(first: SessionState): SessionState {
  let state = createSession({
    id: 'session-2',
    groupId: first.groupId,
    groupName: first.groupName,
    template: REMOTE_TWO_HOURS,
    facilitator: { id: 'fac', displayName: 'Awa' },
    now: T0 + 30 * 86_400_000,
    ...carryOver([first]),
  });
  for (const id of ['cli', 'con', 'dia']) state = run(state, id, { type: 'join', displayName: id });
  return state;
}

describe('[R50] the cycle’s rotation and the group’s size', () => {
  it('counts attendance and turns as client, marks late members, suggests who has not been client', () => {
    const first = makeConsultingSession();
    const roster = cycleRoster([first, run(secondSession(first), 'fac', { type: 'startSession' })]);
    expect(roster.members).toEqual([
      { personId: 'fac', name: 'Awa', attended: 2, timesClient: 0, firstSession: 1 },
      { personId: 'cli', name: 'cli', attended: 2, timesClient: 1, firstSession: 1 },
      { personId: 'con', name: 'con', attended: 2, timesClient: 0, firstSession: 1 },
      { personId: 'obs', name: 'obs', attended: 1, timesClient: 0, firstSession: 1 },
      { personId: 'dia', name: 'dia', attended: 1, timesClient: 0, firstSession: 2 },
    ]);
    // Before the second session begins, nobody has attended it yet.
    const planned = cycleRoster([first, plannedSecond(first)]);
    expect(planned.members.map((m) => [m.personId, m.attended])).toEqual([
      ['fac', 1],
      ['cli', 1],
      ['con', 1],
      ['obs', 1],
      ['dia', 0],
    ]);
    // Most present first, then by name; the facilitator leads, the client has had their turn.
    expect(roster.suggestedClients).toEqual(['con', 'dia', 'obs']);
    expect([roster.activeInLatest, roster.tooManyActive]).toEqual([4, false]);
    // Planned, not begun: the first session, held, tells the size (obs observes).
    expect([planned.activeInLatest, planned.tooManyActive]).toEqual([3, false]);
  });

  it('reads the group’s size from the latest session held, not one planned and not begun', () => {
    let first = makeConsultingSession();
    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'])
      first = run(first, id, { type: 'join', displayName: id });
    const planned = createSession({
      id: 'session-2',
      groupId: first.groupId,
      groupName: first.groupName,
      template: REMOTE_TWO_HOURS,
      facilitator: { id: 'fac', displayName: 'Awa' },
      now: T0 + 30 * 86_400_000,
      ...carryOver([first]),
    });
    expect(cycleRoster([first, planned]).activeInLatest).toBe(9);
    expect(cycleRoster([first, planned]).tooManyActive).toBe(true);
  });

  it('warns above 8 active members, observers not counted', () => {
    let state = makeConsultingSession();
    const names = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const id of names) state = run(state, id, { type: 'join', displayName: id });
    // fac, cli, con and five more: 8 active, obs observes.
    expect(cycleRoster([state]).activeInLatest).toBe(8);
    expect(cycleRoster([state]).tooManyActive).toBe(false);
    state = run(state, 'p6', { type: 'join', displayName: 'p6' });
    expect([cycleRoster([state]).activeInLatest, cycleRoster([state]).tooManyActive]).toEqual([
      9,
      true,
    ]);
    state = run(state, 'fac', { type: 'assignRole', personId: 'p6', role: 'observer' });
    expect(cycleRoster([state]).tooManyActive).toBe(false);
  });

  it('leaves out whom the facilitator removed', () => {
    let state = makeConsultingSession();
    state = run(state, 'fac', { type: 'removePerson', personId: 'con' });
    expect(cycleRoster([state]).members.map((m) => m.personId)).not.toContain('con');
  });

  it('[R48] gives a session’s average rating only once its tally is published', () => {
    let state = makeConsultingSession();
    const rate = (id: string, rating: number) =>
      run(state, id, { type: 'evaluate', weather: 'sunny', rating, comment: '' });
    for (const stage of [state.stages.findIndex((s) => s.key === 'learnings')])
      state = run(state, 'fac', {
        type: 'goToStage',
        fromIndex: state.currentStageIndex,
        toIndex: stage,
      });
    state = rate('cli', 4);
    state = rate('con', 5);
    expect(publishedAverageRating(state)).toBe(null);
    state = rate('fac', 3);
    expect(publishedAverageRating(state)).toBe(4);
  });
});
