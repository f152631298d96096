import { deviceLinkResponseSchema, sessionParamsSchema } from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance } from 'fastify';
import { issueCredential, LINK_CREDENTIAL_TTL_MS } from '../auth/credentials.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { seatOf, seatRequired } from './bearer.ts';
import { memberRoom } from './memberRoom.ts';
import type { ZodTypeProvider } from './zodRoutes.ts';

export interface DeviceLinkRoutesDeps {
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly publicUrl: string;
  readonly now: () => number;
}

/**
 * A person's own seat on another device: a fresh credential for the same person, in a link's
 * fragment. A facilitator who changes device keeps facilitating; nobody else's seat is reachable.
 */
export function registerDeviceLinkRoutes(fastify: FastifyInstance, deps: DeviceLinkRoutesDeps) {
  const { store, rooms, publicUrl, now } = deps;
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/sessions/:sessionId/device-link',
    {
      preHandler: seatRequired(store, now),
      schema: { params: sessionParamsSchema, response: { 201: deviceLinkResponseSchema } },
    },
    async (request, reply) => {
      const seat = seatOf(request);
      const { sessionId } = request.params;
      if (!(await memberRoom(rooms, seat, sessionId, reply))) return reply;
      const token = await issueCredential(store, {
        sessionId,
        personId: seat.personId,
        kind: 'link',
        now: now(),
        ttlMs: LINK_CREDENTIAL_TTL_MS,
      });
      return reply.status(201).send({ url: `${publicUrl}/s/${sessionId}#token=${token}` });
    },
  );
}
