import { findTemplate } from '@cercle/domain';
import { type JWTVerifyGetKey, type TeamsIdentity, verifyTeamsToken } from '@cercle/host-auth';
import {
  hostEnterResponseSchema,
  teamsEnterRequestSchema,
  teamsSettingsResponseSchema,
  teamsSetupRequestSchema,
  teamsSetupResponseSchema,
} from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cleanDisplayName } from '../../auth/admitPerson.ts';
import { issueStageCredential } from '../../auth/credentials.ts';
import { enterByIdentity } from '../../auth/enterByIdentity.ts';
import { newId } from '../../auth/tokens.ts';
import type { Config } from '../../config.ts';
import { sendError } from '../../http/httpError.ts';
import { openLinkSession } from '../../http/openSession.ts';
import { creationLimit } from '../../http/rateLimit.ts';
import { sendAdmissionError } from '../../http/sessionRoutes.ts';
import type { ZodTypeProvider } from '../../http/zodRoutes.ts';
import type { Rooms } from '../../rooms/rooms.ts';

export const TEAMS_CREDENTIAL_TTL_MS = 12 * 60 * 60_000;

export interface TeamsRoutesDeps {
  readonly config: Config;
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly now: () => number;
  /** Microsoft's signing keys; tests pass a local set. */
  readonly keys: JWTVerifyGetKey | null;
}

/** The object id is unique within its tenant only. */
function subjectOf(identity: TeamsIdentity): string {
  return `${identity.tid}:${identity.oid}`;
}

/** The tab's pages: Teams opens `contentUrl` in every frame, the secrets ride in its fragment. */
export function teamsTabUrls(
  publicUrl: string,
  sessionId: string,
  secrets: { joinToken: string; stageToken: string },
): { contentUrl: string; websiteUrl: string } {
  const page = `${publicUrl}/s/${sessionId}?host=teams`;
  return {
    contentUrl: `${page}#join=${secrets.joinToken}&stage=${secrets.stageToken}`,
    websiteUrl: page,
  };
}

export function registerTeamsRoutes(fastify: FastifyInstance, deps: TeamsRoutesDeps): void {
  const { config, store, rooms, now, keys } = deps;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const clientId = config.teams.clientId;
  const host = new URL(config.publicUrl).host;
  const limit = creationLimit(config.creationsPerMinute);

  /** The person behind an SSO token, or null once the reply says why not. */
  const verify = async (
    ssoToken: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<TeamsIdentity | null> => {
    if (!clientId || !keys) {
      sendError(
        reply,
        503,
        'hostNotConfigured',
        'Teams sign-in is not configured on this server (TEAMS_CLIENT_ID).',
      );
      return null;
    }
    const verified = await verifyTeamsToken(ssoToken, {
      clientId,
      host,
      keys,
      now: now(),
      ...(config.teams.tenantIds.length > 0 ? { tenantIds: config.teams.tenantIds } : {}),
    });
    if (verified.ok) return verified.identity;
    request.log.warn({ reason: verified.error }, 'teams token refused');
    if (verified.error === 'keysUnavailable')
      sendError(reply, 503, 'internal', 'Microsoft sign-in cannot be checked right now.');
    else sendError(reply, 401, 'unauthorized', `Teams sign-in refused (${verified.error}).`);
    return null;
  };

  app.get(
    '/api/teams/settings',
    { schema: { response: { 200: teamsSettingsResponseSchema } } },
    async () => ({ sso: clientId !== null, appId: config.teams.appId ?? null }),
  );

  // The configuration page: one session per meeting, bound to it, its organiser facilitating.
  app.post(
    '/api/teams/sessions',
    {
      config: limit,
      schema: { body: teamsSetupRequestSchema, response: { 201: teamsSetupResponseSchema } },
    },
    async (request, reply) => {
      const { body } = request;
      const template = findTemplate(body.templateKey);
      if (!template)
        return sendError(reply, 400, 'unknownTemplate', `No template "${body.templateKey}".`);
      const identity =
        body.ssoToken && clientId ? await verify(body.ssoToken, request, reply) : undefined;
      if (identity === null) return reply;
      const at = now();
      const opened = await openLinkSession(
        store,
        config.publicUrl,
        {
          groupName: body.groupName,
          template,
          facilitator: { id: newId(), displayName: body.facilitatorName },
          now: at,
        },
        {
          link: { provider: 'teams', externalId: body.meetingId },
          ...(identity ? { facilitatorSubject: subjectOf(identity) } : {}),
        },
      );
      if (!opened)
        return sendError(
          reply,
          409,
          'alreadySetUp',
          'Cercle is already set up for this meeting: open its Cercle tab.',
        );
      const stageToken = await issueStageCredential(store, opened.sessionId, at);
      request.log.info({ sessionId: opened.sessionId }, 'teams session created');
      return reply.status(201).send({
        sessionId: opened.sessionId,
        personId: opened.personId,
        token: opened.token,
        ...teamsTabUrls(config.publicUrl, opened.sessionId, {
          joinToken: opened.joinToken,
          stageToken,
        }),
      });
    },
  );

  app.post(
    '/api/teams/enter',
    { schema: { body: teamsEnterRequestSchema, response: { 200: hostEnterResponseSchema } } },
    async (request, reply) => {
      const { body } = request;
      const identity = await verify(body.ssoToken, request, reply);
      if (!identity) return reply;
      // The meeting decides the session: an identity never enters a session by its id alone.
      const sessionId = await store.findLinkedSession({
        provider: 'teams',
        externalId: body.meetingId,
      });
      if (!sessionId)
        return sendError(reply, 404, 'notSetUp', 'Cercle is not set up for this meeting.');
      if (sessionId !== body.sessionId)
        return sendError(reply, 403, 'forbidden', 'This session belongs to another meeting.');
      const room = await rooms.get(sessionId);
      if (!room) return sendError(reply, 404, 'sessionNotFound', 'No such session.');
      const entered = await enterByIdentity(store, room, {
        provider: 'teams',
        subject: subjectOf(identity),
        displayName: cleanDisplayName(
          identity.name ?? identity.preferredUsername ?? '',
          'Participant',
        ),
        kind: 'teams',
        now: now(),
        ttlMs: TEAMS_CREDENTIAL_TTL_MS,
      });
      if (!entered.ok) return sendAdmissionError(reply, entered.reason);
      return entered.entry;
    },
  );
}
