import { NO_PRESENCE_OWNERS, type PresenceOwners } from '../cluster/presenceOwners.ts';
import type { Room } from './room.ts';

/**
 * Presence, in one place: a person is online while at least one of their panels is connected to
 * this room. Recorded like any command, so every panel sees who is there.
 */

/** Called once a person's panel is attached: their first one brings them online. */
export function markArrived(
  room: Room,
  personId: string,
  owners: PresenceOwners = NO_PRESENCE_OWNERS,
): void {
  if (room.connectionsOf(personId) !== 1) return;
  // Before the command: should this instance die, the others know whom it held.
  owners.arrived(room.sessionId, personId);
  void room
    .submit(personId, { type: 'setPresence', presence: 'online' }, null)
    .catch(() => undefined);
}

/** Called once a person's panel is detached: their last one takes them offline. */
export function markLeft(
  room: Room,
  personId: string,
  owners: PresenceOwners = NO_PRESENCE_OWNERS,
): void {
  if (room.isConnected(personId)) return;
  owners.left(room.sessionId, personId);
  void room
    .submit(personId, { type: 'setPresence', presence: 'offline' }, null)
    .catch(() => undefined);
}

/**
 * A person whose panels were on an instance that died: offline, unless they came back here
 * meanwhile (checked and queued in one go, so an arrival cannot slip in between).
 */
export async function markOrphanedOffline(room: Room, personId: string): Promise<void> {
  if (room.isConnected(personId)) return;
  if (room.state.people.find((p) => p.id === personId)?.presence !== 'online') return;
  await room.submit(personId, { type: 'setPresence', presence: 'offline' }, null);
}

/**
 * A room just loaded by a lone instance has no panel yet: anyone the store says is online was left
 * so by a crash. (With several instances the others' panels are live, and their presence stands.)
 */
export async function clearStalePresence(room: Room): Promise<void> {
  for (const person of room.state.people)
    if (person.presence === 'online' && !room.isConnected(person.id))
      await room.submit(person.id, { type: 'setPresence', presence: 'offline' }, null);
}
