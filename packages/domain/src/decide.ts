import { COMMANDS, type Command, type CommandType } from './command.ts';
import { type CommandEntry, PHASE_REFUSAL, SENDER_RULES } from './commandEntry.ts';
import { textsBy } from './contributions.ts';
import { type Decision, reject } from './decision.ts';
import { Rejection } from './rejection.ts';
import { findPerson, type Person, type SessionState } from './session.ts';

export type { Decision } from './decision.ts';

/** Whether a person may send a kind of command now. */
export type Permission = { readonly ok: true } | { readonly ok: false; readonly reason: Rejection };

/** Why the sender may not send this kind of command now: who they are, then the phase [R45]. */
function refusal(
  state: SessionState,
  actorId: string,
  actor: Person | undefined,
  entry: CommandEntry<Command>,
): Rejection | null {
  const isRemoved = state.removedIds.includes(actorId);
  if (entry.who === 'newcomer') {
    if (actor) return Rejection.alreadyJoined;
    if (isRemoved) return Rejection.removed;
  } else if (entry.who === 'memberOrAuthor') {
    if (!actor && !isRemoved && textsBy(state, actorId) === 0) return Rejection.notInSession;
  } else {
    if (!actor) return Rejection.notInSession;
    const notFor = SENDER_RULES[entry.who](state, actor);
    if (notFor) return notFor;
  }
  return entry.when.includes(state.lifecycle) ? null : PHASE_REFUSAL[state.lifecycle];
}

/**
 * May `actorId` send this kind of command now? Their role and the phase, not the payload: what a
 * panel asks to enable a control. `decide` refuses with the same reason whatever the payload.
 * A person's `SessionView` answers as the session does: who and when never rest on a text.
 */
export function can(state: SessionState, actorId: string, type: CommandType): Permission {
  const reason = refusal(state, actorId, findPerson(state, actorId), COMMANDS[type]);
  return reason ? { ok: false, reason } : { ok: true };
}

/**
 * Decides what a command does to a session: the events to record, or why it is refused.
 * Pure: the actor and the time come in as arguments.
 */
export function decide(
  state: SessionState,
  command: Command,
  actorId: string,
  now: number,
): Decision {
  const entry: CommandEntry<Command> = COMMANDS[command.type];
  const actor = findPerson(state, actorId);
  const reason = refusal(state, actorId, actor, entry);
  if (reason) return reject(reason);
  if (entry.who === 'newcomer' || entry.who === 'memberOrAuthor')
    return entry.decide(state, command, actorId, now);
  // `refusal` has turned away anyone outside the roster.
  return actor ? entry.decide(state, command, actor, now) : reject(Rejection.notInSession);
}
