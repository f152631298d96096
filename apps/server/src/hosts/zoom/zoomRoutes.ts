import { createSession, findTemplate } from '@cercle/domain';
import { decodeZoomAppContext } from '@cercle/host-auth';
import {
  type HostEnterResponse,
  zoomEnterRequestSchema,
  zoomSetupRequestSchema,
} from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { admitPerson, cleanDisplayName } from '../../auth/admitPerson.ts';
import { issueCredential, verifyToken } from '../../auth/credentials.ts';
import { hashToken, newId, newToken } from '../../auth/tokens.ts';
import type { Config } from '../../config.ts';
import { messagePage, renderBootPage } from '../../http/bootPage.ts';
import { sendError } from '../../http/httpError.ts';
import { parse, sendAdmissionError } from '../../http/sessionRoutes.ts';
import type { Rooms } from '../../rooms/rooms.ts';
import {
  canSetUpSession,
  signZoomTicket,
  verifyZoomTicket,
  ZOOM_TICKET_TTL_MS,
} from './zoomTicket.ts';

/** A meeting's length, generously: the panel enters again with a fresh ticket after that. */
export const ZOOM_CREDENTIAL_TTL_MS = 12 * 60 * 60_000;
const GUEST_NAME = 'Invité·e';

export interface ZoomRoutesDeps {
  readonly config: Config;
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly now: () => number;
}

const REFUSALS: Record<string, { fr: string; en: string }> = {
  missing: {
    fr: 'Ouvrez Cercle depuis une réunion Zoom : cette page ne s’ouvre pas seule.',
    en: 'Open Cercle from a Zoom meeting: this page does not open on its own.',
  },
  expired: {
    fr: 'Le contexte Zoom a expiré. Fermez puis rouvrez l’application.',
    en: 'The Zoom context has expired. Close and open the app again.',
  },
  other: {
    fr: 'Zoom n’a pas pu confirmer qui vous êtes pour cette application.',
    en: 'Zoom could not confirm who you are for this app.',
  },
};

export function registerZoomRoutes(app: FastifyInstance, deps: ZoomRoutesDeps): void {
  const { config, store, rooms, now } = deps;
  const zoom = config.zoom;

  const notConfigured = (reply: FastifyReply) =>
    sendError(
      reply,
      503,
      'hostNotConfigured',
      'Zoom is not configured on this server (ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).',
    );

  app.get('/zoom/home', async (request, reply) => {
    if (!zoom)
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          messagePage('Cercle', {
            fr: 'Zoom n’est pas configuré sur ce serveur.',
            en: 'Zoom is not configured on this server.',
          }),
        );
    const header = request.headers['x-zoom-app-context'];
    const decoded = decodeZoomAppContext(typeof header === 'string' ? header : null, {
      clientId: zoom.clientId,
      clientSecret: zoom.clientSecret,
      now: now(),
    });
    if (!decoded.ok) {
      request.log.warn({ reason: decoded.error }, 'zoom context refused');
      const text = REFUSALS[decoded.error] ?? REFUSALS.other!;
      return reply.status(401).type('text/html; charset=utf-8').send(messagePage('Cercle', text));
    }
    const { context } = decoded;
    // A breakout room is a group of its own: it gets its own session (see the server README).
    const meetingId = context.breakoutMeetingUuid ?? context.meetingUuid;
    const ticket = signZoomTicket(
      {
        meetingId,
        userId: context.userId,
        role: context.role,
        expiresAt: now() + ZOOM_TICKET_TTL_MS,
      },
      zoom.clientSecret,
    );
    const page = await renderBootPage(config.panelDir, {
      host: 'zoom',
      ticket,
      canSetUp: canSetUpSession(context.role),
    });
    if (!page)
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          messagePage('Cercle', {
            fr: 'Le panneau n’est pas construit.',
            en: 'The panel is not built.',
          }),
        );
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(page);
  });

  app.get('/zoom/install', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      messagePage('Cercle', {
        fr: 'Cercle est installé. Ouvrez-le depuis le bouton Applications d’une réunion Zoom.',
        en: 'Cercle is installed. Open it from the Apps button of a Zoom meeting.',
      }),
    ),
  );

  app.post('/api/zoom/enter', async (request, reply) => {
    if (!zoom) return notConfigured(reply);
    const body = parse(zoomEnterRequestSchema, request.body, reply);
    if (!body) return reply;
    const at = now();
    const ticket = verifyZoomTicket(body.ticket, zoom.clientSecret, at);
    if (!ticket)
      return sendError(reply, 401, 'unauthorized', 'Open Cercle again from the meeting.');
    const sessionId = await store.findLinkedSession({
      provider: 'zoom',
      externalId: ticket.meetingId,
    });
    const room = sessionId ? await rooms.get(sessionId) : null;
    if (!sessionId || !room)
      return sendError(
        reply,
        409,
        'notSetUp',
        canSetUpSession(ticket.role)
          ? 'Set up the session for this meeting.'
          : 'The host has not set up Cercle for this meeting yet.',
      );
    const credential = async (personId: string) => {
      const token = await issueCredential(store, {
        sessionId,
        personId,
        kind: 'zoom',
        now: at,
        ttlMs: ZOOM_CREDENTIAL_TTL_MS,
      });
      return {
        sessionId,
        personId,
        token,
        expiresAt: at + ZOOM_CREDENTIAL_TTL_MS,
      } satisfies HostEnterResponse;
    };
    if (ticket.userId) {
      const known = await store.findIdentity(sessionId, 'zoom', ticket.userId);
      if (known) return credential(known);
    } else if (body.knownToken) {
      // Guests have no Zoom id: the credential this device kept is what says who they are.
      const check = await verifyToken(store, sessionId, body.knownToken, at);
      if (check.ok) return credential(check.personId);
    }
    const admission = await admitPerson(store, room, {
      displayName: cleanDisplayName(body.screenName, GUEST_NAME),
      kind: 'zoom',
      now: at,
      ttlMs: ZOOM_CREDENTIAL_TTL_MS,
    });
    if (!admission.ok) return sendAdmissionError(reply, admission.reason);
    if (ticket.userId)
      await store.linkIdentity(sessionId, {
        provider: 'zoom',
        subject: ticket.userId,
        personId: admission.personId,
      });
    return {
      sessionId,
      personId: admission.personId,
      token: admission.token,
      expiresAt: at + ZOOM_CREDENTIAL_TTL_MS,
    } satisfies HostEnterResponse;
  });

  app.post('/api/zoom/sessions', async (request, reply) => {
    if (!zoom) return notConfigured(reply);
    const body = parse(zoomSetupRequestSchema, request.body, reply);
    if (!body) return reply;
    const at = now();
    const ticket = verifyZoomTicket(body.ticket, zoom.clientSecret, at);
    if (!ticket)
      return sendError(reply, 401, 'unauthorized', 'Open Cercle again from the meeting.');
    if (!canSetUpSession(ticket.role))
      return sendError(
        reply,
        403,
        'forbidden',
        'Only the meeting host or a co-host sets Cercle up.',
      );
    const template = findTemplate(body.templateKey);
    if (!template)
      return sendError(reply, 400, 'unknownTemplate', `No template "${body.templateKey}".`);
    const sessionId = newId();
    const personId = newId();
    const token = newToken();
    const created = await store.createSession({
      state: createSession({
        id: sessionId,
        groupName: body.groupName,
        template,
        facilitator: { id: personId, displayName: cleanDisplayName(body.screenName, 'Hôte') },
        now: at,
      }),
      // Zoom attendees come in through Zoom; the browser link stays available for guests outside it.
      joinTokenHash: hashToken(newToken()),
      facilitatorCredential: {
        tokenHash: hashToken(token),
        sessionId,
        personId,
        kind: 'zoom',
        createdAt: at,
        expiresAt: at + ZOOM_CREDENTIAL_TTL_MS,
      },
      link: { provider: 'zoom', externalId: ticket.meetingId },
      ...(ticket.userId
        ? { facilitatorIdentity: { provider: 'zoom' as const, subject: ticket.userId, personId } }
        : {}),
    });
    if (!created)
      return sendError(
        reply,
        409,
        'alreadySetUp',
        'Someone has just set up this meeting: joining it.',
      );
    request.log.info({ sessionId, templateKey: template.key }, 'zoom session created');
    return reply.status(201).send({
      sessionId,
      personId,
      token,
      expiresAt: at + ZOOM_CREDENTIAL_TTL_MS,
    } satisfies HostEnterResponse);
  });
}
