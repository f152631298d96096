import { z } from 'zod';
import { groupNameSchema, idSchema } from './domainSchemas.ts';
import { tokenSchema } from './messages.ts';

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

/** POST /api/zoom/sessions: a host sets up the meeting's session. */
export const zoomSetupRequestSchema = z.object({
  ticket: tokenSchema,
  screenName: screenNameSchema,
  groupName: groupNameSchema,
  templateKey: z.string().min(1).max(64),
});
export type ZoomSetupRequest = z.infer<typeof zoomSetupRequestSchema>;

export const hostEnterResponseSchema = z.object({
  sessionId: idSchema,
  personId: idSchema,
  token: tokenSchema,
  /** Milliseconds since the epoch: the panel enters again before. */
  expiresAt: z.number().int().positive(),
});
export type HostEnterResponse = z.infer<typeof hostEnterResponseSchema>;

/** GET /api/teams/settings: whether Teams users sign in with SSO here. */
export const teamsSettingsResponseSchema = z.object({ sso: z.boolean() });
export type TeamsSettingsResponse = z.infer<typeof teamsSettingsResponseSchema>;

/** POST /api/teams/enter: a Teams user proves who they are with their SSO token. */
export const teamsEnterRequestSchema = z.object({
  sessionId: idSchema,
  /** An Entra ID access token (a JWT): long, but bounded. */
  ssoToken: z
    .string()
    .min(20)
    .max(16_384)
    .regex(/^[A-Za-z0-9._-]+$/, 'not a token'),
});
export type TeamsEnterRequest = z.infer<typeof teamsEnterRequestSchema>;
