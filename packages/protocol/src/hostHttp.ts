import { z } from 'zod';
import { displayNameSchema, groupNameSchema } from './domainSchemas.ts';
import { epochMsSchema, idSchema, templateKeySchema, tokenSchema } from './ids.ts';

/**
 * What the server writes into the page it serves to a host client (Zoom's Home URL), read by the
 * panel before anything else. The ticket is the server's signed summary of the verified context.
 */
export const bootSchema = z.discriminatedUnion('host', [
  z.object({
    host: z.literal('zoom'),
    ticket: tokenSchema,
    /** Hosts and co-hosts may set up the meeting's session when nobody has. */
    canSetUp: z.boolean(),
  }),
]);
export type Boot = z.infer<typeof bootSchema>;

/** Host screen names are free text: anything the panel could not show is cleaned, not refused. */
const screenNameSchema = z.string().max(500);

/** POST /api/zoom/enter: the panel in Zoom exchanges its ticket for a credential. */
export const zoomEnterRequestSchema = z.object({
  ticket: tokenSchema,
  screenName: screenNameSchema,
  /** A guest's earlier credential on this device, so a reload keeps the same person. */
  knownToken: tokenSchema.nullable(),
});
export type ZoomEnterRequest = z.infer<typeof zoomEnterRequestSchema>;

/**
 * A Zoom meeting's number (`getMeetingContext().meetingID`), which every occurrence of a recurring
 * meeting keeps while each gets a UUID of its own. The host's panel sends it, unverified: it only
 * orders the groups that host facilitated, and never opens anything.
 */
export const zoomMeetingNumberSchema = z.string().regex(/^[0-9]{1,20}$/, 'not a meeting number');

/** POST /api/zoom/sessions: a host sets up the meeting's session, for a new group. */
export const zoomSetupRequestSchema = z.object({
  ticket: tokenSchema,
  screenName: screenNameSchema,
  groupName: groupNameSchema,
  templateKey: templateKeySchema,
  /** The meeting's number, so its next occurrence proposes the same group first. */
  meetingNumber: zoomMeetingNumberSchema.nullable().optional(),
});
export type ZoomSetupRequest = z.infer<typeof zoomSetupRequestSchema>;

/** POST /api/zoom/setup-options: what a host may set the meeting up with, besides a new group. */
export const zoomSetupOptionsRequestSchema = z.object({
  ticket: tokenSchema,
  meetingNumber: zoomMeetingNumberSchema.nullable(),
});
export type ZoomSetupOptionsRequest = z.infer<typeof zoomSetupOptionsRequestSchema>;

/** A group the host facilitated, and the session setting the meeting up with it leads to. */
export const zoomGroupOptionSchema = z.object({
  groupId: idSchema,
  groupName: z.string().max(200),
  /** The format of the group's latest session, proposed for the next. */
  templateKey: templateKeySchema,
  /** When the group last met (its latest session that started); null before any did. */
  lastSessionAt: epochMsSchema.nullable(),
  /** That session's place in the group's cycle, from 1. */
  sessionNumber: z.number().int().positive(),
  /** The cycle's planned length, when the group set one. */
  cycleSessions: z.number().int().positive().nullable(),
  /**
   * The group's latest session is not over (planned from the panel, or under way when the meeting
   * restarted): the meeting takes it on rather than opening another.
   */
  resumes: z.boolean(),
  /** This recurring meeting held that group last time: it is proposed first. */
  isUsualHere: z.boolean(),
});
export type ZoomGroupOption = z.infer<typeof zoomGroupOptionSchema>;

export const zoomSetupOptionsResponseSchema = z.object({
  groups: z.array(zoomGroupOptionSchema).max(100),
});
export type ZoomSetupOptionsResponse = z.infer<typeof zoomSetupOptionsResponseSchema>;

/**
 * POST /api/zoom/group-sessions: a host sets the meeting up with a group they facilitated (the
 * server checks it from their Zoom identity): its next session, or the one not over yet.
 */
export const zoomGroupSetupRequestSchema = z.object({
  ticket: tokenSchema,
  screenName: screenNameSchema,
  groupId: idSchema,
  /** The next session's format; a session taken on keeps its own. */
  templateKey: templateKeySchema,
  meetingNumber: zoomMeetingNumberSchema.nullable(),
});
export type ZoomGroupSetupRequest = z.infer<typeof zoomGroupSetupRequestSchema>;

/**
 * Zoom's encrypted app context, as the SDK's `getAppContext()` returns it: the same base64 string
 * as the Home URL's `x-zoom-app-context` header. Bounded like the server's decoder bounds it.
 */
export const zoomAppContextSchema = z
  .string()
  .min(1)
  .max(64 * 1024)
  .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'not an app context');

/** POST /api/zoom/ticket: a fresh ticket without reloading the page (breakout room, expiry). */
export const zoomTicketRequestSchema = z.object({ context: zoomAppContextSchema });
export type ZoomTicketRequest = z.infer<typeof zoomTicketRequestSchema>;

/** A Zoom meeting or breakout room UUID: base64 with `/`, `+` and `=`, bounded. */
const zoomMeetingIdSchema = z.string().min(1).max(512);

export const zoomTicketResponseSchema = z.object({
  ticket: tokenSchema,
  /** Hosts and co-hosts may set up the session when nobody has. */
  canSetUp: z.boolean(),
  /** The breakout room's UUID inside one, otherwise the meeting's: the session it belongs to. */
  meetingId: zoomMeetingIdSchema,
  /** Inside a breakout room, the meeting it belongs to; null in the meeting itself. */
  parentMeetingId: zoomMeetingIdSchema.nullable(),
});
export type ZoomTicketResponse = z.infer<typeof zoomTicketResponseSchema>;

/**
 * GET /api/zoom/app-link: Zoom's deep link that opens Cercle in the meeting of whoever follows it,
 * for the meeting chat. It names the app, not a session: each person lands on their meeting's
 * session through their own Zoom context, with their own role.
 */
export const zoomAppLinkResponseSchema = z.object({ url: z.string().url().max(2048) });
export type ZoomAppLinkResponse = z.infer<typeof zoomAppLinkResponseSchema>;

export const hostEnterResponseSchema = z.object({
  sessionId: idSchema,
  personId: idSchema,
  token: tokenSchema,
  /** Milliseconds since the epoch: the panel enters again before. */
  expiresAt: epochMsSchema,
});
export type HostEnterResponse = z.infer<typeof hostEnterResponseSchema>;

/** A Teams app id or Entra client id: a GUID. */
export const guidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a GUID');

/**
 * GET /api/teams/settings: whether Teams users sign in with SSO here, and Cercle's Teams app id
 * when the server knows it (a browser panel then offers "Share in a Teams meeting").
 */
export const teamsSettingsResponseSchema = z.object({
  sso: z.boolean(),
  appId: guidSchema.nullable(),
});
export type TeamsSettingsResponse = z.infer<typeof teamsSettingsResponseSchema>;

/** An Entra ID access token (a JWT): long, but bounded. */
const ssoTokenSchema = z
  .string()
  .min(20)
  .max(16_384)
  .regex(/^[A-Za-z0-9._-]+$/, 'not a token');

/**
 * A Teams meeting as the tab's context names it: the meeting chat's thread id
 * (`19:meeting_…@thread.v2`) or the meeting's own id. Printable, bounded, nothing else.
 */
export const teamsMeetingIdSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'not a meeting id');

/** POST /api/teams/enter: a Teams user proves who they are with their SSO token. */
export const teamsEnterRequestSchema = z.object({
  /** The meeting the tab runs in: the server admits only into the session bound to it. */
  meetingId: teamsMeetingIdSchema,
  /** The session the tab points at: refused when it is not the meeting's. */
  sessionId: idSchema,
  ssoToken: ssoTokenSchema,
});
export type TeamsEnterRequest = z.infer<typeof teamsEnterRequestSchema>;

/** POST /api/teams/sessions: the tab's configuration page sets the meeting's session up. */
export const teamsSetupRequestSchema = z.object({
  meetingId: teamsMeetingIdSchema,
  groupName: groupNameSchema,
  facilitatorName: displayNameSchema,
  templateKey: templateKeySchema,
  /** With SSO, binds the organiser's Teams identity to the facilitator's seat. */
  ssoToken: ssoTokenSchema.nullable(),
});
export type TeamsSetupRequest = z.infer<typeof teamsSetupRequestSchema>;

export const teamsSetupResponseSchema = z.object({
  sessionId: idSchema,
  personId: idSchema,
  /** The facilitator's credential on this device. */
  token: tokenSchema,
  /** What the tab saves: the participants' invitation and the stage capability, in the fragment. */
  contentUrl: z.string().url(),
  websiteUrl: z.string().url(),
});
export type TeamsSetupResponse = z.infer<typeof teamsSetupResponseSchema>;

/** POST /api/sessions/:sessionId/stage-link: a read-only view of the session for a shared screen. */
export const stageLinkResponseSchema = z.object({
  /** Reads the session's public view and nothing else: no seat, no private text, no command. */
  token: tokenSchema,
  url: z.string().url(),
});
export type StageLinkResponse = z.infer<typeof stageLinkResponseSchema>;
