import { fileLinkRequestSchema, fileLinkResponseSchema } from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance } from 'fastify';
import { issueCredential } from '../auth/credentials.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { FILE_LINK_TTL_MS, seatOf, seatRequired } from './bearer.ts';
import { sendError } from './httpError.ts';
import type { ZodTypeProvider } from './zodRoutes.ts';

export interface FileLinkRoutesDeps {
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly publicUrl: string;
  readonly now: () => number;
}

/**
 * A person's file (a summary, their data, the group's calendar) as an address another browser can open: Zoom opens links
 * in the person's system browser, which has neither their seat nor a way to receive a blob. The
 * address carries a file link (single-use, two minutes), never the seat itself.
 */
export function registerFileLinkRoutes(fastify: FastifyInstance, deps: FileLinkRoutesDeps): void {
  const { store, rooms, publicUrl, now } = deps;
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/file-links',
    {
      preHandler: seatRequired(store, now),
      schema: { body: fileLinkRequestSchema, response: { 201: fileLinkResponseSchema } },
    },
    async (request, reply) => {
      const { body } = request;
      const credential = seatOf(request);
      const at = now();
      let path: string;
      if (body.kind === 'summary') {
        if (credential.sessionId !== body.sessionId)
          return sendError(reply, 403, 'forbidden', 'This seat is for another session.');
        path = `/api/sessions/${body.sessionId}/summary?format=${body.format}&lang=${body.lang}&`;
      } else {
        const room = await rooms.get(credential.sessionId);
        if (room?.state.groupId !== body.groupId)
          return sendError(reply, 403, 'forbidden', 'You are not a member of this group.');
        path =
          body.kind === 'myData'
            ? `/api/groups/${body.groupId}/my-data?`
            : `/api/groups/${body.groupId}/calendar.ics?lang=${body.lang}&`;
      }
      const token = await issueCredential(store, {
        sessionId: credential.sessionId,
        personId: credential.personId,
        kind: 'file',
        now: at,
        ttlMs: FILE_LINK_TTL_MS,
      });
      return reply.status(201).send({
        url: `${publicUrl}${path}access=${token}`,
        expiresAt: at + FILE_LINK_TTL_MS,
      });
    },
  );
}
