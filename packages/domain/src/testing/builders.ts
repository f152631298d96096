import { expect } from 'vitest';
import { apply } from '../apply.ts';
import type { Command } from '../command.ts';
import { decide } from '../decide.ts';
import type { Rejection } from '../rejection.ts';
import { createSession, type SessionState } from '../session.ts';
import { REMOTE_TWO_HOURS, type Template } from '../templates.ts';

export const T0 = 1_800_000_000_000;
export const MIN = 60_000;

/** A scheduled session facilitated by `fac` (Awa), with `people` joined under their ids. */
export function makeSession(
  options: { template?: Template; people?: string[] } = {},
): SessionState {
  let state = createSession({
    id: 'session',
    groupName: 'Cercle des cadres',
    template: options.template ?? REMOTE_TWO_HOURS,
    facilitator: { id: 'fac', displayName: 'Awa' },
    now: T0,
  });
  for (const id of options.people ?? []) state = run(state, id, { type: 'join', displayName: id });
  return state;
}

/** Facilitator, client, consultant and observer, live at the first stage. */
export function makeLiveSession(template: Template = REMOTE_TWO_HOURS): SessionState {
  let state = makeSession({ template, people: ['cli', 'con', 'obs'] });
  state = run(state, 'fac', { type: 'assignRole', personId: 'cli', role: 'client' });
  state = run(state, 'fac', { type: 'assignRole', personId: 'obs', role: 'observer' });
  return run(state, 'fac', { type: 'startSession' });
}

/** Decides and applies, failing the test if the command is refused. */
export function run(
  state: SessionState,
  actorId: string,
  command: Command,
  now = T0,
): SessionState {
  const decision = decide(state, command, actorId, now);
  if (!decision.ok) throw new Error(`${command.type} by ${actorId} refused: ${decision.reason}`);
  return decision.events.reduce(apply, state);
}

export function expectRejected(
  state: SessionState,
  actorId: string,
  command: Command,
  reason: Rejection,
  now = T0,
): void {
  expect(decide(state, command, actorId, now)).toEqual({ ok: false, reason });
}
