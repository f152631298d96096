import { createSession, findPerson, findTemplate } from '@cercle/domain';
import { decodeZoomAppContext, type ZoomAppContext } from '@cercle/host-auth';
import {
  type HostEnterResponse,
  type ZoomAppLinkResponse,
  type ZoomTicketResponse,
  zoomEnterRequestSchema,
  zoomSetupRequestSchema,
  zoomTicketRequestSchema,
} from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { admitPerson, cleanDisplayName } from '../../auth/admitPerson.ts';
import { issueCredential, verifyToken } from '../../auth/credentials.ts';
import { enterByIdentity } from '../../auth/enterByIdentity.ts';
import { hashToken, newId, newToken } from '../../auth/tokens.ts';
import type { Config } from '../../config.ts';
import { messagePage, renderBootPage } from '../../http/bootPage.ts';
import { sendError } from '../../http/httpError.ts';
import { parse, sendAdmissionError } from '../../http/sessionRoutes.ts';
import type { Room } from '../../rooms/room.ts';
import type { Rooms } from '../../rooms/rooms.ts';
import { type FacilitatedGroup, renderMainClientPage } from './mainClientPage.ts';
import { registerZoomInstallRoute } from './zoomInstall.ts';
import {
  canSetUpSession,
  signZoomTicket,
  verifyZoomTicket,
  ZOOM_TICKET_TTL_MS,
} from './zoomTicket.ts';

/** A meeting's length, generously: the panel enters again with a fresh ticket after that. */
export const ZOOM_CREDENTIAL_TTL_MS = 12 * 60 * 60_000;
const GUEST_NAME = 'Invité·e';
/** How many of a person's latest sessions the main client's page looks through for their groups. */
const MAIN_CLIENT_SESSIONS_SCANNED = 50;
/** A Zoom context is a few hundred bytes; Zoom sets no limit, so neither does this route, much. */
const ZOOM_TICKET_BODY_MAX_BYTES = 80 * 1024;

type ZoomMeetingContext = Extract<ZoomAppContext, { surface: 'meeting' }>;

/** Where Zoom's app deep links live (Zoom's guide "Open Zoom apps from your native or web apps"). */
export const ZOOM_MARKETPLACE_URL = 'https://marketplace.zoom.us';

/**
 * Zoom's deep link that opens the app in the meeting of whoever follows it (context `meeting`,
 * target `launch`); someone who has not added the app gets its Marketplace page instead.
 */
export function zoomMeetingAppLink(clientId: string): string {
  return `${ZOOM_MARKETPLACE_URL}/zoomapp/${encodeURIComponent(clientId)}/context/meeting/target/launch/deeplink`;
}

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

  /** The panel's ticket for a verified meeting context, and what the panel needs beside it. */
  function ticketFor(
    context: ZoomMeetingContext,
    clientSecret: string,
    at: number,
  ): ZoomTicketResponse {
    // A breakout room is a group of its own: it gets its own session (see the server README).
    const meetingId = context.breakoutMeetingUuid ?? context.meetingUuid;
    const ticket = signZoomTicket(
      {
        id: newId(),
        meetingId,
        userId: context.userId,
        role: context.role,
        expiresAt: at + ZOOM_TICKET_TTL_MS,
      },
      clientSecret,
    );
    return {
      ticket,
      canSetUp: canSetUpSession(context.role),
      meetingId,
      parentMeetingId: context.breakoutMeetingUuid ? context.meetingUuid : null,
    };
  }

  /**
   * Who a guest (no Zoom id) is: the credential their device kept, or else the one person their
   * ticket admitted. The ticket is claimed before the person joins, so a replayed ticket, even
   * sent many times at once, finds that person instead of taking another seat.
   */
  async function enterGuest(
    room: Room,
    ticketId: string,
    knownToken: string | null,
    displayName: string,
    at: number,
  ): Promise<{ ok: true; personId: string; token: string | null } | { ok: false; reason: string }> {
    const { sessionId } = room;
    const subject = `ticket:${ticketId}`;
    if (knownToken) {
      const check = await verifyToken(store, sessionId, knownToken, at);
      if (check.ok && findPerson(room.state, check.personId)) {
        await store.linkIdentity(sessionId, {
          provider: 'zoom',
          subject,
          personId: check.personId,
        });
        return { ok: true, personId: check.personId, token: null };
      }
    }
    const claimed = newId();
    const isClaimed = await store.linkIdentity(sessionId, {
      provider: 'zoom',
      subject,
      personId: claimed,
    });
    const personId = isClaimed ? claimed : await store.findIdentity(sessionId, 'zoom', subject);
    if (!personId) return { ok: false, reason: 'unknownTicket' };
    if (findPerson(room.state, personId)) return { ok: true, personId, token: null };
    // Claimed but not in the room yet: this request admits them, or a concurrent one just did.
    const admission = await admitPerson(store, room, {
      displayName,
      kind: 'zoom',
      now: at,
      ttlMs: ZOOM_CREDENTIAL_TTL_MS,
      personId,
    });
    if (admission.ok) return { ok: true, personId, token: admission.token };
    if (findPerson(room.state, personId)) return { ok: true, personId, token: null };
    return admission;
  }

  /** The groups a Zoom user facilitated a session of, newest first. */
  async function facilitatedGroups(userId: string | null): Promise<FacilitatedGroup[]> {
    if (!userId) return [];
    const groups = new Map<string, { groupName: string; sessionCount: number }>();
    for (const seat of await store.identitySessions('zoom', userId, MAIN_CLIENT_SESSIONS_SCANNED)) {
      const loaded = await store.load(seat.sessionId);
      if (!loaded || findPerson(loaded.state, seat.personId)?.role !== 'facilitator') continue;
      const group = groups.get(seat.groupId);
      if (group) group.sessionCount += 1;
      else groups.set(seat.groupId, { groupName: loaded.state.groupName, sessionCount: 1 });
    }
    return [...groups].map(([groupId, g]) => ({ groupId, ...g }));
  }

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
    if (context.surface === 'mainClient')
      return reply
        .header('Cache-Control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(renderMainClientPage(await facilitatedGroups(context.userId)));
    const { ticket, canSetUp } = ticketFor(context, zoom.clientSecret, now());
    const page = await renderBootPage(config.panelDir, { host: 'zoom', ticket, canSetUp });
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

  registerZoomInstallRoute(app, { config, store, now });

  app.post(
    '/api/zoom/ticket',
    { bodyLimit: ZOOM_TICKET_BODY_MAX_BYTES },
    async (request, reply) => {
      if (!zoom) return notConfigured(reply);
      const body = parse(zoomTicketRequestSchema, request.body, reply);
      if (!body) return reply;
      const at = now();
      const decoded = decodeZoomAppContext(body.context, {
        clientId: zoom.clientId,
        clientSecret: zoom.clientSecret,
        now: at,
      });
      if (!decoded.ok) {
        request.log.warn({ reason: decoded.error }, 'zoom context refused');
        return decoded.error === 'expired'
          ? sendError(reply, 401, 'contextExpired', REFUSALS.expired!.en)
          : sendError(reply, 401, 'unauthorized', REFUSALS.other!.en);
      }
      if (decoded.context.surface === 'mainClient')
        return sendError(reply, 409, 'notInMeeting', 'Open Cercle from a Zoom meeting.');
      return ticketFor(decoded.context, zoom.clientSecret, at);
    },
  );

  // Public: it names the app (its client id is in every install link), not a session or a person.
  app.get('/api/zoom/app-link', async (_request, reply) => {
    if (!zoom) return notConfigured(reply);
    return { url: zoomMeetingAppLink(zoom.clientId) } satisfies ZoomAppLinkResponse;
  });

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
    const displayName = cleanDisplayName(body.screenName, GUEST_NAME);
    if (!ticket.userId) {
      const guest = await enterGuest(room, ticket.id, body.knownToken, displayName, at);
      if (!guest.ok) return sendAdmissionError(reply, guest.reason);
      if (!guest.token) return credential(guest.personId);
      return {
        sessionId,
        personId: guest.personId,
        token: guest.token,
        expiresAt: at + ZOOM_CREDENTIAL_TTL_MS,
      } satisfies HostEnterResponse;
    }
    const entered = await enterByIdentity(store, room, {
      provider: 'zoom',
      subject: ticket.userId,
      displayName,
      kind: 'zoom',
      now: at,
      ttlMs: ZOOM_CREDENTIAL_TTL_MS,
    });
    if (!entered.ok) return sendAdmissionError(reply, entered.reason);
    return entered.entry;
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
