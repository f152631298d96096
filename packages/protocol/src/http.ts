import {
  type CycleRoster,
  type CycleSession,
  LIMITS,
  LOCALES,
  type RotationMember,
} from '@cercle/domain';
import { z } from 'zod';
import { cycleSessionsSchema, visibilitySchema } from './contentSchemas.ts';
import { displayNameSchema, groupNameSchema, lifecycleSchema } from './domainSchemas.ts';
import { dateSchema, epochMsSchema, idSchema, templateKeySchema, tokenSchema } from './ids.ts';
import type { FieldsThatDiffer } from './typeEquality.ts';

/**
 * How long a new group keeps its content when its facilitator does not say: a year after the
 * cycle's last session, long enough for a cycle's follow-up, short enough that nothing is kept
 * for good by default (docs/SECURITY.md).
 */
export const DEFAULT_RETENTION_DAYS = 365;

/** Days after the group's last session before its content is erased; null keeps it. */
export const retentionDaysSchema = z.number().int().min(1).max(LIMITS.retentionDaysMax).nullable();

/** POST /api/sessions: a facilitator creates a session in a plain browser. */
export const createSessionRequestSchema = z.object({
  groupName: groupNameSchema,
  templateKey: templateKeySchema,
  facilitatorName: displayNameSchema,
  /** The new group's retention; `DEFAULT_RETENTION_DAYS` when absent. */
  retentionDays: retentionDaysSchema.optional(),
});
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

export const createSessionResponseSchema = z.object({
  sessionId: idSchema,
  personId: idSchema,
  /** The facilitator's own credential: it is also inside `facilitatorLink`. */
  token: tokenSchema,
  /** Secrets travel in the fragment, which browsers never send to a server or in a Referer. */
  facilitatorLink: z.string().url(),
  participantLink: z.string().url(),
});
export type CreateSessionResponse = z.infer<typeof createSessionResponseSchema>;

/** POST /api/sessions/:sessionId/join: a participant enters with the shared link and a name. */
export const joinRequestSchema = z.object({
  joinToken: tokenSchema,
  displayName: displayNameSchema,
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const joinResponseSchema = z.object({ personId: idSchema, token: tokenSchema });
export type JoinResponse = z.infer<typeof joinResponseSchema>;

/** POST /api/sessions/:sessionId/invitation: what the join page shows before asking a name. */
export const invitationRequestSchema = z.object({ joinToken: tokenSchema });
export const invitationResponseSchema = z.object({
  groupName: z.string(),
  lifecycle: lifecycleSchema,
});
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;

export const sessionParamsSchema = z.object({ sessionId: idSchema });

/**
 * POST /api/sessions/:sessionId/participant-link (Bearer: the facilitator's seat): a new join
 * secret for the session; the link holding the previous one stops working.
 */
export const participantLinkResponseSchema = z.object({
  participantLink: z.string().url(),
  /** When the new link stops letting newcomers in, milliseconds since the epoch. */
  expiresAt: epochMsSchema,
});
export type ParticipantLinkResponse = z.infer<typeof participantLinkResponseSchema>;

export const HttpErrorCode = {
  invalidRequest: 'invalidRequest',
  unknownTemplate: 'unknownTemplate',
  sessionNotFound: 'sessionNotFound',
  unauthorized: 'unauthorized',
  sessionFull: 'sessionFull',
  sessionEnded: 'sessionEnded',
  /** Someone in the session already goes by the name asked for [R80]. */
  nameTaken: 'nameTaken',
  rateLimited: 'rateLimited',
  notFound: 'notFound',
  /** The meeting's session is not set up yet: a host or co-host must do it. */
  notSetUp: 'notSetUp',
  alreadySetUp: 'alreadySetUp',
  forbidden: 'forbidden',
  hostNotConfigured: 'hostNotConfigured',
  /** The host's context (Zoom's app context) has expired: the panel asks its host for a new one. */
  contextExpired: 'contextExpired',
  /** The app was opened outside a meeting (Zoom's main client): there is no session to enter. */
  notInMeeting: 'notInMeeting',
  internal: 'internal',
} as const;
export type HttpErrorCode = (typeof HttpErrorCode)[keyof typeof HttpErrorCode];

export const httpErrorSchema = z.object({
  error: z.object({
    code: z.enum(HttpErrorCode),
    message: z.string(),
  }),
});
export type HttpError = z.infer<typeof httpErrorSchema>;

/** POST /api/groups/:groupId/sessions: the facilitator opens the group's next session. */
export const nextSessionRequestSchema = z.object({
  templateKey: templateKeySchema,
  /** The planned date, YYYY-MM-DD. */
  scheduledFor: dateSchema.nullable().optional(),
  /** The cycle's length; the group's current one when absent. */
  cycleSessions: cycleSessionsSchema.nullable().optional(),
});

/** PUT /api/groups/:groupId/retention: days after the group's last session before content goes. */
export const retentionRequestSchema = z.object({ retentionDays: retentionDaysSchema });
export type RetentionRequest = z.infer<typeof retentionRequestSchema>;

export const groupParamsSchema = z.object({ groupId: idSchema });

const cycleTextSchema = z.object({
  authorId: idSchema,
  visibility: visibilitySchema,
  at: epochMsSchema,
});

/**
 * GET /api/address: the address the server is published at. A panel whose socket keeps failing
 * reads it to tell a person who opened the server under another name where to open it instead.
 */
export const addressResponseSchema = z.object({ publicUrl: z.url({ protocol: /^https?$/ }) });
export type AddressResponse = z.infer<typeof addressResponseSchema>;

/** GET /api/groups/:groupId/cycle: the capitalisation page, as the reader may see it. */
export const cycleResponseSchema = z.object({
  groupId: idSchema,
  groupName: z.string(),
  retentionDays: z.number().int().nullable(),
  /** True when the reader facilitates the group's latest session: they may change retention. */
  canManage: z.boolean(),
  cycleSessions: z.number().int().nullable(),
  sessions: z.array(
    z.object({
      sessionId: idSchema,
      lifecycle: lifecycleSchema,
      date: epochMsSchema,
      scheduledFor: dateSchema.nullable(),
      attendees: z.array(z.string()),
      consultations: z.array(
        z.object({
          clientName: z.string(),
          caseTitle: z.string(),
          plan: cycleTextSchema
            .extend({
              actions: z.array(z.string()),
              firstStep: z.string(),
              byWhen: z.string().nullable(),
            })
            .nullable(),
          followUp: cycleTextSchema
            .extend({ tried: z.string(), worked: z.string(), didNotWork: z.string() })
            .nullable(),
        }),
      ),
      learnings: z.array(
        cycleTextSchema.extend({
          authorName: z.string(),
          content: z.string(),
          process: z.string(),
        }),
      ),
      /** Published only (R48); null before. */
      averageRating: z.number().min(1).max(5).nullable(),
    }),
  ),
  /** The client rotation and the group's size [R50]. */
  roster: z.object({
    members: z.array(
      z.object({
        personId: idSchema,
        name: z.string(),
        attended: z.number().int().nonnegative(),
        timesClient: z.number().int().nonnegative(),
        firstSession: z.number().int().positive(),
      }),
    ),
    suggestedClients: z.array(idSchema),
    activeInLatest: z.number().int().nonnegative(),
    tooManyActive: z.boolean(),
  }),
});
export type CycleResponse = z.infer<typeof cycleResponseSchema>;
// Each session of the page is the domain's `cycleDashboard` entry, field for field.
const _cycleSessionMatches: FieldsThatDiffer<CycleResponse['sessions'][number], CycleSession> = {};
const _cycleRosterMatches: FieldsThatDiffer<CycleResponse['roster'], CycleRoster> = {};
const _rotationMemberMatches: FieldsThatDiffer<
  CycleResponse['roster']['members'][number],
  RotationMember
> = {};

/** The formats a session's summary is written in, and the languages. */
export const summaryFormatSchema = z.enum(['md', 'html']);
export const localeSchema = z.enum(LOCALES);

/**
 * POST /api/file-links (Bearer: the person's seat): a file the server makes for this person, named
 * as its own routes name it. For hosts whose embedded browser can neither save a file nor send the
 * seat to another browser (Zoom opens links in the person's system browser).
 */
export const fileLinkRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('summary'),
    sessionId: idSchema,
    format: summaryFormatSchema,
    lang: localeSchema,
  }),
  z.object({ kind: z.literal('myData'), groupId: idSchema }),
  /** The group's planned sessions, to add to one's calendar. */
  z.object({ kind: z.literal('calendar'), groupId: idSchema, lang: localeSchema }),
]);
export type FileLinkRequest = z.infer<typeof fileLinkRequestSchema>;

/** A short-lived, single-use address of that file: it carries a capability, never the seat. */
export const fileLinkResponseSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  expiresAt: epochMsSchema,
});
export type FileLinkResponse = z.infer<typeof fileLinkResponseSchema>;

/**
 * POST /api/sessions/:sessionId/device-link (Bearer): a link that opens this person's own seat on
 * another device — the facilitator's phone, a second screen, another browser.
 */
export const deviceLinkResponseSchema = z.object({ url: z.string().url() });
export type DeviceLinkResponse = z.infer<typeof deviceLinkResponseSchema>;
