import { sessionParamsSchema, stageLinkResponseSchema } from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance } from 'fastify';
import { issueStageCredential } from '../auth/credentials.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { seatOf, seatRequired } from './bearer.ts';
import { memberRoom } from './memberRoom.ts';
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
      const member = await memberRoom(rooms, seatOf(request), request.params.sessionId, reply);
      if (!member) return reply;
      const { room } = member;
      const token = await issueStageCredential(store, room.sessionId, now());
      return reply.status(201).send({ token, url: stageUrl(publicUrl, room.sessionId, token) });
    },
  );
}
