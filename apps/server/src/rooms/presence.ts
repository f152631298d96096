import type { Room } from './room.ts';

/**
 * Presence, in one place: a person is online while at least one of their panels is connected to
 * this room. Recorded like any command, so every panel sees who is there.
 */

/** Called once a person's panel is attached: their first one brings them online. */
export function markArrived(room: Room, personId: string): void {
  if (room.connectionsOf(personId) !== 1) return;
  void room
    .submit(personId, { type: 'setPresence', presence: 'online' }, null)
    .catch(() => undefined);
}

/** Called once a person's panel is detached: their last one takes them offline. */
export function markLeft(room: Room, personId: string): void {
  if (room.isConnected(personId)) return;
  void room
    .submit(personId, { type: 'setPresence', presence: 'offline' }, null)
    .catch(() => undefined);
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
