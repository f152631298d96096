import { createSession, findPerson, findTemplate } from '@cercle/domain';
import { decodeZoomAppContext, type ZoomAppContext } from '@cercle/host-auth';
import {
  DEFAULT_RETENTION_DAYS,
  type HostEnterResponse,
  type ZoomAppLinkResponse,
  type ZoomSetupOptionsResponse,
  type ZoomTicketResponse,
  zoomEnterRequestSchema,
  zoomGroupSetupRequestSchema,
  zoomSetupOptionsRequestSchema,
  zoomSetupRequestSchema,
  zoomTicketRequestSchema,
} from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { admitPerson, cleanDisplayName } from '../../auth/admitPerson.ts';
import { issueCredential, verifyToken } from '../../auth/credentials.ts';
import { enterByIdentity, type HostEntry } from '../../auth/enterByIdentity.ts';
import { hashToken, newId, newToken } from '../../auth/tokens.ts';
import type { Config } from '../../config.ts';
import { messagePage, renderBootPage } from '../../http/bootPage.ts';
import { sendError } from '../../http/httpError.ts';
import { groupStates, openNextSession } from '../../http/openSession.ts';
import { parse, sendAdmissionError } from '../../http/sessionRoutes.ts';
import type { Room } from '../../rooms/room.ts';
import type { Rooms } from '../../rooms/rooms.ts';
import { type FacilitatedGroup, renderMainClientPage } from './mainClientPage.ts';
import { nextStepOf, zoomGroupOptions, zoomMemberOf, zoomSeriesLink } from './zoomGroups.ts';
import { registerZoomInstallRoute } from './zoomInstall.ts';
import {
  canSetUpSession,
  signZoomTicket,
  verifyZoomTicket,
  ZOOM_TICKET_TTL_MS,
  type ZoomTicket,
} from './zoomTicket.ts';

/** A meeting's length, generously: the panel enters again with a fresh ticket after that. */
export const ZOOM_CREDENTIAL_TTL_MS = 12 * 60 * 60_000;
const GUEST_NAME = 'Invité';
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
        isBreakoutRoom: context.breakoutMeetingUuid !== null,
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

  /**
   * A signed-in Zoom user entering a session: the person their Zoom id is bound to there; or else,
   * in a group they met in before, the person they were in its earlier sessions (a group keeps
   * its members from one session to the next, whichever meeting holds it); or else someone new.
   */
  async function enterZoomUser(
    room: Room,
    userId: string,
    displayName: string,
    at: number,
  ): Promise<HostEntry> {
    const { sessionId } = room;
    const identity = {
      provider: 'zoom',
      subject: userId,
      displayName,
      kind: 'zoom',
      now: at,
      ttlMs: ZOOM_CREDENTIAL_TTL_MS,
    } as const;
    if (await store.findIdentity(sessionId, 'zoom', userId))
      return enterByIdentity(store, room, identity);
    const member = await zoomMemberOf(store, room.state.groupId, userId, {
      needsFacilitation: false,
      exceptSessionId: sessionId,
    });
    if (!member) return enterByIdentity(store, room, identity);
    // Bound before the person joins, like a guest's ticket: two panels opening at once find one.
    const isClaimed = await store.linkIdentity(sessionId, {
      provider: 'zoom',
      subject: userId,
      personId: member.personId,
    });
    const personId = isClaimed
      ? member.personId
      : await store.findIdentity(sessionId, 'zoom', userId);
    if (!personId) return { ok: false, reason: 'unknownIdentity' };
    const entry = (token: string): HostEntry => ({
      ok: true,
      entry: { sessionId, personId, token, expiresAt: at + ZOOM_CREDENTIAL_TTL_MS },
    });
    // Someone who followed the group's next session from the panel already has their seat.
    if (!findPerson(room.state, personId)) {
      const admission = await admitPerson(store, room, {
        displayName,
        kind: 'zoom',
        now: at,
        ttlMs: ZOOM_CREDENTIAL_TTL_MS,
        personId,
      });
      if (admission.ok) return entry(admission.token);
      if (!findPerson(room.state, personId)) return admission;
    }
    return entry(
      await issueCredential(store, {
        sessionId,
        personId,
        kind: 'zoom',
        now: at,
        ttlMs: ZOOM_CREDENTIAL_TTL_MS,
      }),
    );
  }

  /** The ticket of a host or co-host, or null once the refusal is sent. */
  function hostTicket(token: string, reply: FastifyReply, at: number): ZoomTicket | null {
    const ticket = zoom ? verifyZoomTicket(token, zoom.clientSecret, at) : null;
    if (!ticket) {
      sendError(reply, 401, 'unauthorized', 'Open Cercle again from the meeting.');
      return null;
    }
    if (!canSetUpSession(ticket.role)) {
      sendError(reply, 403, 'forbidden', 'Only the meeting host or a co-host sets Cercle up.');
      return null;
    }
    return ticket;
  }

  /**
   * The meeting's number, unverified (the host's panel reads it from Zoom), speaks for its series
   * only from a signed-in host in the meeting itself: it orders that host's own groups, no more.
   */
  function seriesOf(ticket: ZoomTicket, meetingNumber: string | null | undefined) {
    if (!meetingNumber || !ticket.userId || ticket.isBreakoutRoom) return null;
    return zoomSeriesLink(meetingNumber);
  }

  /** The group this recurring meeting held last time, if it says which meeting it is. */
  async function seriesGroupId(ticket: ZoomTicket, meetingNumber: string | null) {
    const series = seriesOf(ticket, meetingNumber);
    const sessionId = series && (await store.findLinkedSession(series));
    const loaded = sessionId ? await store.load(sessionId) : null;
    return loaded?.state.groupId ?? null;
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
    const entered = await enterZoomUser(room, ticket.userId, displayName, at);
    if (!entered.ok) return sendAdmissionError(reply, entered.reason);
    return entered.entry;
  });

  app.post('/api/zoom/sessions', async (request, reply) => {
    if (!zoom) return notConfigured(reply);
    const body = parse(zoomSetupRequestSchema, request.body, reply);
    if (!body) return reply;
    const at = now();
    const ticket = hostTicket(body.ticket, reply, at);
    if (!ticket) return reply;
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
      // A new group keeps its content for the default time; the facilitator changes it on the cycle page.
      retentionDays: DEFAULT_RETENTION_DAYS,
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
    const series = seriesOf(ticket, body.meetingNumber);
    if (series) await store.moveLink(series, sessionId);
    request.log.info({ sessionId, templateKey: template.key }, 'zoom session created');
    return reply.status(201).send({
      sessionId,
      personId,
      token,
      expiresAt: at + ZOOM_CREDENTIAL_TTL_MS,
    } satisfies HostEnterResponse);
  });

  // What the host may set the meeting up with besides a new group: the groups they facilitated.
  app.post('/api/zoom/setup-options', async (request, reply) => {
    if (!zoom) return notConfigured(reply);
    const body = parse(zoomSetupOptionsRequestSchema, request.body, reply);
    if (!body) return reply;
    const ticket = hostTicket(body.ticket, reply, now());
    if (!ticket) return reply;
    // A guest has no Zoom id to find groups by; a breakout room starts a group of its own.
    if (!ticket.userId || ticket.isBreakoutRoom)
      return { groups: [] } satisfies ZoomSetupOptionsResponse;
    const groups = await zoomGroupOptions(
      store,
      ticket.userId,
      await seriesGroupId(ticket, body.meetingNumber),
    );
    reply.header('Cache-Control', 'no-store');
    return { groups } satisfies ZoomSetupOptionsResponse;
  });

  /**
   * The host sets the meeting up with a group they facilitated, which the server finds from their
   * Zoom id bound to the facilitator's seat in one of the group's sessions, never from the group id
   * alone: the group's session not over yet is bound to this meeting, or its next one is opened
   * here, with the host facilitating and what the group carries over.
   */
  app.post('/api/zoom/group-sessions', async (request, reply) => {
    if (!zoom) return notConfigured(reply);
    const body = parse(zoomGroupSetupRequestSchema, request.body, reply);
    if (!body) return reply;
    const at = now();
    const ticket = hostTicket(body.ticket, reply, at);
    if (!ticket) return reply;
    if (!ticket.userId)
      return sendError(
        reply,
        403,
        'forbidden',
        'Add Cercle to your Zoom account to continue a group: a guest has no Zoom id to find it by.',
      );
    if (ticket.isBreakoutRoom)
      return sendError(reply, 403, 'forbidden', 'A breakout room starts a group of its own.');
    const meeting = { provider: 'zoom', externalId: ticket.meetingId } as const;
    const alreadySetUp = () =>
      sendError(reply, 409, 'alreadySetUp', 'Someone has just set up this meeting: joining it.');
    if (await store.findLinkedSession(meeting)) return alreadySetUp();
    // One answer whether the group does not exist or the host never facilitated it.
    const notYours = () =>
      sendError(reply, 403, 'forbidden', 'You can continue only a group you facilitated.');
    const member = await zoomMemberOf(store, body.groupId, ticket.userId, {
      needsFacilitation: true,
    });
    if (!member?.hasFacilitated) return notYours();
    const states = await groupStates(store, rooms, body.groupId);
    const latest = states.at(-1);
    const step = latest && nextStepOf(states, member.personId);
    if (!latest || step === undefined) return notYours();
    if (step === null)
      return sendError(
        reply,
        403,
        'forbidden',
        'Another facilitator holds this group’s next session: they set this meeting up.',
      );
    const { personId } = member;
    let sessionId: string;
    let token: string;
    if (step.resumes) {
      sessionId = step.resumes.id;
      if (!(await store.linkSession(sessionId, meeting))) return alreadySetUp();
      await store.linkIdentity(sessionId, { provider: 'zoom', subject: ticket.userId, personId });
      token = await issueCredential(store, {
        sessionId,
        personId,
        kind: 'zoom',
        now: at,
        ttlMs: ZOOM_CREDENTIAL_TTL_MS,
      });
    } else {
      const template = findTemplate(body.templateKey);
      if (!template)
        return sendError(reply, 400, 'unknownTemplate', `No template "${body.templateKey}".`);
      const opened = await openNextSession(
        store,
        rooms,
        config.publicUrl,
        {
          groupId: body.groupId,
          groupName: latest.groupName,
          template,
          facilitator: { id: personId, displayName: cleanDisplayName(body.screenName, 'Hôte') },
          now: at,
        },
        {
          link: meeting,
          facilitatorSubject: ticket.userId,
          credential: { kind: 'zoom', ttlMs: ZOOM_CREDENTIAL_TTL_MS },
        },
      );
      if (!opened) return alreadySetUp();
      sessionId = opened.sessionId;
      token = opened.token;
    }
    const series = seriesOf(ticket, body.meetingNumber);
    if (series) await store.moveLink(series, sessionId);
    request.log.info(
      { sessionId, groupId: body.groupId, resumed: step.resumes !== null },
      'zoom meeting set up with a group',
    );
    return reply.status(201).send({
      sessionId,
      personId,
      token,
      expiresAt: at + ZOOM_CREDENTIAL_TTL_MS,
    } satisfies HostEnterResponse);
  });
}
