import {
  CONFIDENTIALITY_NOTICE,
  can,
  contributionsOf,
  cycleDashboard,
  cycleRoster,
  findPerson,
  findTemplate,
  formatLongDate,
  Locale,
  type SessionState,
  sessionSummary,
} from '@cercle/domain';
import {
  createSessionResponseSchema,
  cycleResponseSchema,
  groupParamsSchema,
  joinResponseSchema,
  localeSchema,
  nextSessionRequestSchema,
  retentionRequestSchema,
  sessionParamsSchema,
  summaryFormatSchema,
} from '@cercle/protocol';
import type { Credential, SessionStore } from '@cercle/storage';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { admitPerson } from '../auth/admitPerson.ts';
import { issueCredential, LINK_CREDENTIAL_TTL_MS } from '../auth/credentials.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { seatOf, seatRequired } from './bearer.ts';
import { calendarOf } from './calendar.ts';
import { sendError } from './httpError.ts';
import { groupStates, openNextSession, withoutJoinToken } from './openSession.ts';
import { printablePage } from './printable.ts';
import { sendAdmissionError } from './sessionRoutes.ts';
import type { ZodTypeProvider } from './zodRoutes.ts';

export interface GroupRoutesDeps {
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly publicUrl: string;
  readonly now: () => number;
}

const calendarQuerySchema = z.object({ lang: z.enum([Locale.fr, Locale.en]).default(Locale.fr) });

const summaryQuerySchema = z.object({
  format: summaryFormatSchema.default('md'),
  lang: localeSchema.default(Locale.fr),
});

/**
 * The group's sessions, the cycle: opening the next one, coming back to it as a member, the
 * capitalisation page, retention, and each person's own data.
 */
export function registerGroupRoutes(fastify: FastifyInstance, deps: GroupRoutesDeps): void {
  const { store, rooms, publicUrl, now } = deps;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const seat = seatRequired(store, now);

  /** The credential's session when it belongs to `groupId`; answers 403 otherwise. */
  async function memberSession(
    credential: Credential,
    groupId: string,
    reply: FastifyReply,
  ): Promise<SessionState | null> {
    const room = await rooms.get(credential.sessionId);
    if (!room || room.state.groupId !== groupId) {
      sendError(reply, 403, 'forbidden', 'You are not a member of this group.');
      return null;
    }
    return room.state;
  }

  app.post(
    '/api/groups/:groupId/sessions',
    {
      preHandler: seat,
      schema: {
        params: groupParamsSchema,
        body: nextSessionRequestSchema,
        response: { 201: createSessionResponseSchema },
      },
    },
    async (request, reply) => {
      const { params, body } = request;
      const credential = seatOf(request);
      const current = await memberSession(credential, params.groupId, reply);
      if (!current) return reply;
      const me = findPerson(current, credential.personId);
      // The group's facilitator now, in its latest session: a seat from an earlier session, from
      // before facilitation was handed over, no longer speaks for the group.
      const latest = (await groupStates(store, rooms, params.groupId)).at(-1);
      if (
        me?.role !== 'facilitator' ||
        !latest ||
        findPerson(latest, me.id)?.role !== 'facilitator'
      )
        return sendError(reply, 403, 'forbidden', 'Only the facilitator opens the next session.');
      const template = findTemplate(body.templateKey);
      if (!template)
        return sendError(reply, 400, 'unknownTemplate', `No template "${body.templateKey}".`);
      const opened = await openNextSession(store, rooms, publicUrl, {
        groupId: params.groupId,
        groupName: current.groupName,
        template,
        facilitator: { id: me.id, displayName: me.displayName },
        now: now(),
        scheduledFor: body.scheduledFor ?? null,
        ...(body.cycleSessions === undefined ? {} : { cycleSessions: body.cycleSessions }),
      });
      // Only a meeting link can already exist, and none is asked for here.
      if (!opened) throw new Error('a link session could not be created');
      const created = withoutJoinToken(opened);
      request.log.info(
        { sessionId: created.sessionId, groupId: params.groupId },
        'next session opened',
      );
      return reply.status(201).send(created);
    },
  );

  // A member of the group enters another of its sessions with the seat they hold in one of them.
  app.post(
    '/api/sessions/:sessionId/enter',
    {
      preHandler: seat,
      schema: { params: sessionParamsSchema, response: { 201: joinResponseSchema } },
    },
    async (request, reply) => {
      const { params } = request;
      const credential = seatOf(request);
      const target = await rooms.get(params.sessionId);
      if (!target) return sendError(reply, 404, 'sessionNotFound', 'No such session.');
      const from = await memberSession(credential, target.state.groupId, reply);
      if (!from) return reply;
      const personId = credential.personId;
      if (findPerson(target.state, personId)) {
        const token = await issueCredential(store, {
          sessionId: target.sessionId,
          personId,
          kind: 'link',
          now: now(),
          ttlMs: LINK_CREDENTIAL_TTL_MS,
        });
        return reply.status(201).send({ personId, token });
      }
      const admission = await admitPerson(store, target, {
        displayName: findPerson(from, personId)?.displayName ?? 'Membre',
        kind: 'link',
        now: now(),
        ttlMs: LINK_CREDENTIAL_TTL_MS,
        personId,
      });
      if (!admission.ok) return sendAdmissionError(reply, admission.reason);
      return reply.status(201).send({ personId: admission.personId, token: admission.token });
    },
  );

  app.get(
    '/api/groups/:groupId/cycle',
    {
      preHandler: seat,
      schema: { params: groupParamsSchema, response: { 200: cycleResponseSchema } },
    },
    async (request, reply) => {
      const { params } = request;
      const credential = seatOf(request);
      if (!(await memberSession(credential, params.groupId, reply))) return reply;
      const group = await store.findGroup(params.groupId);
      const states = await groupStates(store, rooms, params.groupId);
      const latest = states.at(-1);
      return {
        groupId: params.groupId,
        groupName: latest?.groupName ?? group?.name ?? '',
        retentionDays: group?.retentionDays ?? null,
        canManage: latest ? findPerson(latest, credential.personId)?.role === 'facilitator' : false,
        cycleSessions: latest?.cycleSessions ?? null,
        sessions: cycleDashboard(states, credential.personId),
        roster: cycleRoster(states),
      };
    },
  );

  app.put(
    '/api/groups/:groupId/retention',
    {
      preHandler: seat,
      schema: {
        params: groupParamsSchema,
        body: retentionRequestSchema,
        response: { 200: retentionRequestSchema },
      },
    },
    async (request, reply) => {
      const { params, body } = request;
      const credential = seatOf(request);
      if (!(await memberSession(credential, params.groupId, reply))) return reply;
      const latest = (await groupStates(store, rooms, params.groupId)).at(-1);
      if (!latest || findPerson(latest, credential.personId)?.role !== 'facilitator')
        return sendError(reply, 403, 'forbidden', 'Only the facilitator sets the retention.');
      await store.setRetention(params.groupId, body.retentionDays);
      return { retentionDays: body.retentionDays };
    },
  );

  app.get(
    '/api/groups/:groupId/calendar.ics',
    {
      preHandler: seatRequired(store, now, { allowFileLink: true }),
      schema: { params: groupParamsSchema, querystring: calendarQuerySchema },
    },
    async (request, reply) => {
      const { params, query } = request;
      const credential = seatOf(request);
      if (!(await memberSession(credential, params.groupId, reply))) return reply;
      const states = await groupStates(store, rooms, params.groupId);
      const planned = states.flatMap((state, index) =>
        state.scheduledFor && state.lifecycle !== 'ended'
          ? [{ sessionId: state.id, scheduledFor: state.scheduledFor, number: index + 1 }]
          : [],
      );
      const latest = states.at(-1);
      reply.header('Cache-Control', 'no-store');
      reply.header('Content-Disposition', 'attachment; filename="cercle-seances.ics"');
      return reply.type('text/calendar; charset=utf-8').send(
        calendarOf({
          groupName: latest?.groupName ?? '',
          cycleSessions: latest?.cycleSessions ?? null,
          sessions: planned,
          lang: query.lang,
          publicUrl,
          now: now(),
        }),
      );
    },
  );

  app.get(
    '/api/sessions/:sessionId/summary',
    {
      preHandler: seatRequired(store, now, { allowFileLink: true }),
      schema: { params: sessionParamsSchema, querystring: summaryQuerySchema },
    },
    async (request, reply) => {
      const { params, query } = request;
      const credential = seatOf(request);
      if (credential.sessionId !== params.sessionId)
        return sendError(reply, 403, 'forbidden', 'This seat is for another session.');
      const room = await rooms.get(params.sessionId);
      if (!room) return sendError(reply, 404, 'sessionNotFound', 'No such session.');
      const format = (at: number) => formatLongDate(at, query.lang, 'Europe/Paris');
      const markdown = sessionSummary(room.state, credential.personId, query.lang, format);
      reply.header('Cache-Control', 'no-store');
      if (query.format === 'html')
        return reply
          .type('text/html; charset=utf-8')
          .send(printablePage(markdown, query.lang, room.state.groupName));
      return reply
        .type('text/markdown; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="cercle-synthese.md"')
        .send(markdown);
    },
  );

  app.get(
    '/api/groups/:groupId/my-data',
    {
      preHandler: seatRequired(store, now, { allowFileLink: true }),
      schema: { params: groupParamsSchema },
    },
    async (request, reply) => {
      const { params } = request;
      const credential = seatOf(request);
      if (!(await memberSession(credential, params.groupId, reply))) return reply;
      const me = credential.personId;
      const sessions = (await groupStates(store, rooms, params.groupId))
        // The sessions they may erase their data from: those are the ones that hold it [R38] [R49].
        .filter((state) => can(state, me, 'eraseMyContent').ok)
        .map((state) => ({
          sessionId: state.id,
          date: state.startedAt ?? state.createdAt,
          displayName: findPerson(state, me)?.displayName,
          // What erasing removes, read from the same place: the domain's contributions.
          ...contributionsOf(state, me),
        }));
      reply.header('Cache-Control', 'no-store');
      reply.header('Content-Disposition', 'attachment; filename="cercle-mes-donnees.json"');
      return {
        confidentiality: CONFIDENTIALITY_NOTICE,
        personId: me,
        groupId: params.groupId,
        exportedAt: now(),
        sessions,
      };
    },
  );

  app.delete(
    '/api/groups/:groupId/my-data',
    { preHandler: seat, schema: { params: groupParamsSchema } },
    async (request, reply) => {
      const { params } = request;
      const credential = seatOf(request);
      if (!(await memberSession(credential, params.groupId, reply))) return reply;
      const me = credential.personId;
      let erased = 0;
      for (const id of await store.groupSessions(params.groupId)) {
        const room = await rooms.get(id);
        // Also one they were removed from, or whose roster they never joined but which holds their
        // plan carried from the last session: their data outlives their seat [R38] [R49].
        if (!room || !can(room.state, me, 'eraseMyContent').ok) continue;
        const outcome = await room.submit(me, { type: 'eraseMyContent' }, null);
        if (outcome.ok) erased += 1;
      }
      return { erasedSessions: erased };
    },
  );
}
