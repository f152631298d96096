import { type JWTVerifyGetKey, verifyTeamsToken } from '@cercle/host-auth';
import {
  type HostEnterResponse,
  type TeamsSettingsResponse,
  teamsEnterRequestSchema,
} from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance } from 'fastify';
import { admitPerson, cleanDisplayName } from '../../auth/admitPerson.ts';
import { issueCredential } from '../../auth/credentials.ts';
import type { Config } from '../../config.ts';
import { sendError } from '../../http/httpError.ts';
import { parse, sendAdmissionError } from '../../http/sessionRoutes.ts';
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

export function registerTeamsRoutes(app: FastifyInstance, deps: TeamsRoutesDeps): void {
  const { config, store, rooms, now, keys } = deps;
  const clientId = config.teams.clientId;
  const host = new URL(config.publicUrl).host;

  app.get(
    '/api/teams/settings',
    async () => ({ sso: clientId !== null }) satisfies TeamsSettingsResponse,
  );

  app.post('/api/teams/enter', async (request, reply) => {
    if (!clientId || !keys)
      return sendError(
        reply,
        503,
        'hostNotConfigured',
        'Teams sign-in is not configured on this server (TEAMS_CLIENT_ID).',
      );
    const body = parse(teamsEnterRequestSchema, request.body, reply);
    if (!body) return reply;
    const at = now();
    const verified = await verifyTeamsToken(body.ssoToken, {
      clientId,
      host,
      keys,
      now: at,
      ...(config.teams.tenantIds.length > 0 ? { tenantIds: config.teams.tenantIds } : {}),
    });
    if (!verified.ok) {
      request.log.warn({ reason: verified.error }, 'teams token refused');
      if (verified.error === 'keysUnavailable')
        return sendError(reply, 503, 'internal', 'Microsoft sign-in cannot be checked right now.');
      return sendError(reply, 401, 'unauthorized', `Teams sign-in refused (${verified.error}).`);
    }
    const room = await rooms.get(body.sessionId);
    if (!room) return sendError(reply, 404, 'sessionNotFound', 'No such session.');
    const { oid, tid, name, preferredUsername } = verified.identity;
    // The object id is unique within its tenant only.
    const subject = `${tid}:${oid}`;
    const credential = async (personId: string): Promise<HostEnterResponse> => {
      const token = await issueCredential(store, {
        sessionId: room.sessionId,
        personId,
        kind: 'teams',
        now: at,
        ttlMs: TEAMS_CREDENTIAL_TTL_MS,
      });
      return {
        sessionId: room.sessionId,
        personId,
        token,
        expiresAt: at + TEAMS_CREDENTIAL_TTL_MS,
      };
    };
    const known = await store.findIdentity(room.sessionId, 'teams', subject);
    if (known) return credential(known);
    const admission = await admitPerson(store, room, {
      displayName: cleanDisplayName(name ?? preferredUsername ?? '', 'Participant·e'),
      kind: 'teams',
      now: at,
      ttlMs: TEAMS_CREDENTIAL_TTL_MS,
    });
    if (!admission.ok) return sendAdmissionError(reply, admission.reason);
    await store.linkIdentity(room.sessionId, {
      provider: 'teams',
      subject,
      personId: admission.personId,
    });
    return {
      sessionId: room.sessionId,
      personId: admission.personId,
      token: admission.token,
      expiresAt: at + TEAMS_CREDENTIAL_TTL_MS,
    } satisfies HostEnterResponse;
  });
}
