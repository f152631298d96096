import { findPerson, type Person } from '@cercle/domain';
import type { Credential } from '@cercle/storage';
import type { FastifyReply } from 'fastify';
import type { Room } from '../rooms/room.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { sendError } from './httpError.ts';

/**
 * The session a route names, when the seat belongs to it and its person is still in it; answers
 * 403 or 404 itself otherwise. What every "my own thing in this session" route checks first.
 */
export async function memberRoom(
  rooms: Rooms,
  seat: Credential,
  sessionId: string,
  reply: FastifyReply,
): Promise<{ readonly room: Room; readonly me: Person } | null> {
  if (seat.sessionId !== sessionId) {
    sendError(reply, 403, 'forbidden', 'This seat is for another session.');
    return null;
  }
  const room = await rooms.get(sessionId);
  if (!room) {
    sendError(reply, 404, 'sessionNotFound', 'No such session.');
    return null;
  }
  const me = findPerson(room.state, seat.personId);
  if (!me) {
    sendError(reply, 403, 'forbidden', 'You are not a member of this session.');
    return null;
  }
  return { room, me };
}
