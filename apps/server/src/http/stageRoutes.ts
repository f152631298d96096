import { findPerson } from '@cercle/domain';
import { sessionParamsSchema, stageLinkResponseSchema } from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance } from 'fastify';
import { issueStageCredential } from '../auth/credentials.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { seatOf, seatRequired } from './bearer.ts';
import { sendError } from './httpError.ts';
import type { ZodTypeProvider } from './zodRoutes.ts';

export interface StageRoutesDeps {
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly publicUrl: string;
  readonly now: () => number;
}

/** The read-only view a meeting's shared screen shows to everyone, seat or not. */
export function stageUrl(publicUrl: string, sessionId: string, token: string): string {
  return `${publicUrl}/s/${sessionId}?view=stage#stage=${token}`;
}

export function registerStageRoutes(fastify: FastifyInstance, deps: StageRoutesDeps): void {
  const { store, rooms, publicUrl, now } = deps;
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // Any member may put the session on a shared screen: it shows what every member already sees.
  app.post(
    '/api/sessions/:sessionId/stage-link',
    {
      preHandler: seatRequired(store, now),
      schema: { params: sessionParamsSchema, response: { 201: stageLinkResponseSchema } },
    },
    async (request, reply) => {
      const seat = seatOf(request);
      const { sessionId } = request.params;
      if (seat.sessionId !== sessionId)
        return sendError(reply, 403, 'forbidden', 'You are not a member of this session.');
      const room = await rooms.get(sessionId);
      if (!room) return sendError(reply, 404, 'sessionNotFound', 'No such session.');
      if (!findPerson(room.state, seat.personId))
        return sendError(reply, 403, 'forbidden', 'You are not a member of this session.');
      const token = await issueStageCredential(store, room.sessionId, now());
      return reply.status(201).send({ token, url: stageUrl(publicUrl, room.sessionId, token) });
    },
  );
}
