import { findTemplate } from '@cercle/domain';
import {
  createSessionRequestSchema,
  createSessionResponseSchema,
  DEFAULT_RETENTION_DAYS,
  describeIssues,
  invitationRequestSchema,
  invitationResponseSchema,
  joinRequestSchema,
  joinResponseSchema,
  participantLinkResponseSchema,
  sessionParamsSchema,
} from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { admitPerson } from '../auth/admitPerson.ts';
import { checkJoinToken, LINK_CREDENTIAL_TTL_MS, rotateJoinToken } from '../auth/credentials.ts';
import { newId } from '../auth/tokens.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { seatOf, seatRequired } from './bearer.ts';
import { sendError } from './httpError.ts';
import { memberRoom } from './memberRoom.ts';
import { openLinkSession, withoutJoinToken } from './openSession.ts';
import { creationLimit } from './rateLimit.ts';
import type { ZodTypeProvider } from './zodRoutes.ts';

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
  if (reason === 'nameTaken')
    return sendError(
      reply,
      409,
      'nameTaken',
      'Someone in this session already goes by this name: open your own link, or choose another name.',
    );
  if (reason === 'removed')
    return sendError(reply, 403, 'forbidden', 'The facilitator removed you from this session.');
  return sendError(reply, 400, 'invalidRequest', `Cannot join: ${reason}.`);
}

/** Answers a participant link that does not let anyone in (any more); null when it does. */
function refuseJoinToken(
  reply: FastifyReply,
  check: Awaited<ReturnType<typeof checkJoinToken>>,
): FastifyReply | null {
  if (check === 'invalid')
    return sendError(reply, 401, 'unauthorized', 'This invitation link is not valid.');
  if (check === 'expired')
    return sendError(
      reply,
      401,
      'unauthorized',
      'This invitation link has expired: ask the facilitator for a new one.',
    );
  return null;
}

/** For routes that read a request the host shapes (Zoom's pages): parse by hand, 400 otherwise. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, reply: FastifyReply): T | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  sendError(reply, 400, 'invalidRequest', describeIssues(result.error));
  return null;
}

export function registerSessionRoutes(fastify: FastifyInstance, deps: SessionRoutesDeps): void {
  const { store, rooms, publicUrl, now } = deps;
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // Creating sessions and people is what a script would flood.
  const limit = creationLimit(deps.creationsPerMinute);

  app.post(
    '/api/sessions',
    {
      config: limit,
      schema: { body: createSessionRequestSchema, response: { 201: createSessionResponseSchema } },
    },
    async (request, reply) => {
      const { body } = request;
      const template = findTemplate(body.templateKey);
      if (!template)
        return sendError(reply, 400, 'unknownTemplate', `No template "${body.templateKey}".`);
      const opened = await openLinkSession(
        store,
        publicUrl,
        {
          groupName: body.groupName,
          template,
          facilitator: { id: newId(), displayName: body.facilitatorName },
          now: now(),
        },
        {
          retentionDays:
            body.retentionDays === undefined ? DEFAULT_RETENTION_DAYS : body.retentionDays,
        },
      );
      // Only a meeting link can already exist, and none is asked for here.
      if (!opened) throw new Error('a link session could not be created');
      request.log.info(
        { sessionId: opened.sessionId, templateKey: template.key },
        'session created',
      );
      return reply.status(201).send(withoutJoinToken(opened));
    },
  );

  /** The session a participant link opens, once the link is checked; answers 401/404 otherwise. */
  const invitedRoom = async (sessionId: string, joinToken: string, reply: FastifyReply) => {
    if (refuseJoinToken(reply, await checkJoinToken(store, sessionId, joinToken, now())))
      return null;
    const room = await rooms.get(sessionId);
    if (!room) sendError(reply, 404, 'sessionNotFound', 'No such session.');
    return room;
  };

  app.post(
    '/api/sessions/:sessionId/invitation',
    {
      schema: {
        params: sessionParamsSchema,
        body: invitationRequestSchema,
        response: { 200: invitationResponseSchema },
      },
    },
    async (request, reply) => {
      const { params, body } = request;
      const room = await invitedRoom(params.sessionId, body.joinToken, reply);
      if (!room) return reply;
      return { groupName: room.state.groupName, lifecycle: room.state.lifecycle };
    },
  );

  app.post(
    '/api/sessions/:sessionId/join',
    {
      config: limit,
      schema: {
        params: sessionParamsSchema,
        body: joinRequestSchema,
        response: { 201: joinResponseSchema },
      },
    },
    async (request, reply) => {
      const { params, body } = request;
      const room = await invitedRoom(params.sessionId, body.joinToken, reply);
      if (!room) return reply;
      const admission = await admitPerson(store, room, {
        displayName: body.displayName,
        kind: 'link',
        now: now(),
        ttlMs: LINK_CREDENTIAL_TTL_MS,
        isNameChosen: true,
      });
      if (!admission.ok) return sendAdmissionError(reply, admission.reason);
      const { personId, token } = admission;
      return reply.status(201).send({ personId, token });
    },
  );

  // The facilitator makes a new participant link: whoever holds the old one no longer gets in.
  app.post(
    '/api/sessions/:sessionId/participant-link',
    {
      preHandler: seatRequired(store, now),
      schema: { params: sessionParamsSchema, response: { 200: participantLinkResponseSchema } },
    },
    async (request, reply) => {
      const { sessionId } = request.params;
      const member = await memberRoom(rooms, seatOf(request), sessionId, reply);
      if (!member) return reply;
      if (member.me.role !== 'facilitator')
        return sendError(reply, 403, 'forbidden', 'Only the facilitator makes a new link.');
      const rotated = await rotateJoinToken(store, publicUrl, sessionId, now());
      if (!rotated) return sendError(reply, 404, 'sessionNotFound', 'No such session.');
      request.log.info({ sessionId }, 'participant link replaced');
      reply.header('Cache-Control', 'no-store');
      return rotated;
    },
  );
}
