import {
  apply,
  type Command,
  createSession,
  decide,
  REMOTE_TWO_HOURS,
  type SessionState,
} from '@cercle/domain';

export const T0 = 1_800_000_000_000;

/** A session run through the real domain: facilitator `fac`, then `people` joined by id. */
export function makeSession(people: Array<{ id: string; name: string }> = []): SessionState {
  let state = createSession({
    id: 'session1',
    groupName: 'Cercle des cadres',
    template: REMOTE_TWO_HOURS,
    facilitator: { id: 'fac', displayName: 'Awa' },
    now: T0,
  });
  for (const person of people)
    state = run(state, person.id, { type: 'join', displayName: person.name });
  return state;
}

export function run(
  state: SessionState,
  actorId: string,
  command: Command,
  now = T0,
): SessionState {
  const decision = decide(state, command, actorId, now);
  if (!decision.ok) throw new Error(`refused: ${decision.reason}`);
  return decision.events.reduce(apply, state);
}
