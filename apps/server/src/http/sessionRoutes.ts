import { findTemplate } from '@cercle/domain';
import {
  createSessionRequestSchema,
  describeIssues,
  type InvitationResponse,
  invitationRequestSchema,
  type JoinResponse,
  joinRequestSchema,
  sessionParamsSchema,
} from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { admitPerson } from '../auth/admitPerson.ts';
import { LINK_CREDENTIAL_TTL_MS, matchesJoinToken } from '../auth/credentials.ts';
import { newId } from '../auth/tokens.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { sendError } from './httpError.ts';
import { openLinkSession, withoutJoinToken } from './openSession.ts';
import { createRateLimit } from './rateLimit.ts';

export interface SessionRoutesDeps {
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly publicUrl: string;
  readonly now: () => number;
  /** Per address: a facilitator creates a few sessions a day, a group joins a dozen people. */
  readonly creationsPerMinute: number;
}

export function sendAdmissionError(reply: FastifyReply, reason: string): FastifyReply {
  if (reason === 'sessionFull')
    return sendError(reply, 409, 'sessionFull', 'This session is full.');
  if (reason === 'sessionEnded')
    return sendError(reply, 409, 'sessionEnded', 'This session has ended.');
  return sendError(reply, 400, 'invalidRequest', `Cannot join: ${reason}.`);
}

export function parse<T>(schema: z.ZodType<T>, value: unknown, reply: FastifyReply): T | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  sendError(reply, 400, 'invalidRequest', describeIssues(result.error));
  return null;
}

export function registerSessionRoutes(app: FastifyInstance, deps: SessionRoutesDeps): void {
  const { store, rooms, publicUrl, now } = deps;

  // Creating sessions and people is what a script would flood.
  const limit = createRateLimit({ limit: deps.creationsPerMinute, windowMs: 60_000, now });

  app.post('/api/sessions', { preHandler: limit }, async (request, reply) => {
    const body = parse(createSessionRequestSchema, request.body, reply);
    if (!body) return reply;
    const template = findTemplate(body.templateKey);
    if (!template)
      return sendError(reply, 400, 'unknownTemplate', `No template "${body.templateKey}".`);
    const opened = await openLinkSession(store, publicUrl, {
      groupName: body.groupName,
      template,
      facilitator: { id: newId(), displayName: body.facilitatorName },
      now: now(),
    });
    // Only a meeting link can already exist, and none is asked for here.
    if (!opened) throw new Error('a link session could not be created');
    const created = withoutJoinToken(opened);
    request.log.info(
      { sessionId: created.sessionId, templateKey: template.key },
      'session created',
    );
    return reply.status(201).send(created);
  });

  app.post('/api/sessions/:sessionId/invitation', async (request, reply) => {
    const params = parse(sessionParamsSchema, request.params, reply);
    const body = params && parse(invitationRequestSchema, request.body, reply);
    if (!params || !body) return reply;
    if (!matchesJoinToken(body.joinToken, await store.joinTokenHash(params.sessionId)))
      return sendError(reply, 401, 'unauthorized', 'This invitation link is not valid.');
    const room = await rooms.get(params.sessionId);
    if (!room) return sendError(reply, 404, 'sessionNotFound', 'No such session.');
    return {
      groupName: room.state.groupName,
      lifecycle: room.state.lifecycle,
    } satisfies InvitationResponse;
  });

  app.post('/api/sessions/:sessionId/join', { preHandler: limit }, async (request, reply) => {
    const params = parse(sessionParamsSchema, request.params, reply);
    const body = params && parse(joinRequestSchema, request.body, reply);
    if (!params || !body) return reply;
    if (!matchesJoinToken(body.joinToken, await store.joinTokenHash(params.sessionId)))
      return sendError(reply, 401, 'unauthorized', 'This invitation link is not valid.');
    const room = await rooms.get(params.sessionId);
    if (!room) return sendError(reply, 404, 'sessionNotFound', 'No such session.');
    const admission = await admitPerson(store, room, {
      displayName: body.displayName,
      kind: 'link',
      now: now(),
      ttlMs: LINK_CREDENTIAL_TTL_MS,
    });
    if (!admission.ok) return sendAdmissionError(reply, admission.reason);
    const { personId, token } = admission;
    return reply.status(201).send({ personId, token } satisfies JoinResponse);
  });
}
