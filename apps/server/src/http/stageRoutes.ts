import { findPerson } from '@cercle/domain';
import { type StageLinkResponse, sessionParamsSchema } from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance } from 'fastify';
import { issueStageCredential } from '../auth/credentials.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { requireCredential } from './bearer.ts';
import { sendError } from './httpError.ts';
import { parse } from './sessionRoutes.ts';

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

export function registerStageRoutes(app: FastifyInstance, deps: StageRoutesDeps): void {
  const { store, rooms, publicUrl, now } = deps;

  // Any member may put the session on a shared screen: it shows what every member already sees.
  app.post('/api/sessions/:sessionId/stage-link', async (request, reply) => {
    const params = parse(sessionParamsSchema, request.params, reply);
    const credential = params && (await requireCredential(store, request, reply, now()));
    if (!params || !credential) return reply;
    if (credential.sessionId !== params.sessionId)
      return sendError(reply, 403, 'forbidden', 'You are not a member of this session.');
    const room = await rooms.get(params.sessionId);
    if (!room) return sendError(reply, 404, 'sessionNotFound', 'No such session.');
    if (!findPerson(room.state, credential.personId))
      return sendError(reply, 403, 'forbidden', 'You are not a member of this session.');
    const token = await issueStageCredential(store, room.sessionId, now());
    return reply.status(201).send({
      token,
      url: stageUrl(publicUrl, room.sessionId, token),
    } satisfies StageLinkResponse);
  });
}
