import { ZOOM_APP_APIS } from '@cercle/manifests/zoomApis';
import { z } from 'zod';
import { type Clock, createZoomConnection, type ZoomConnection } from './zoomConnection.ts';

/** What `config` answers, as far as the panel reads it. */
export interface ZoomConfigResponse {
  readonly runningContext?: string;
}

/** The events the panel listens to, with what Zoom sends. */
export interface ZoomEvents {
  readonly onMyUserContextChange: unknown;
  readonly onRunningContextChange: unknown;
  readonly onBreakoutRoomChange: unknown;
  readonly onCollaborateChange: unknown;
  readonly onAppVisibilityChange: unknown;
  readonly onActiveSpeakerChange: unknown;
}
export type ZoomEventName = keyof ZoomEvents;

/** The SDK calls the panel makes; the real SDK and a test's fake both fit. */
export interface ZoomSdkLike {
  config(options: { capabilities: string[]; version?: string }): Promise<ZoomConfigResponse>;
  getRunningContext(): Promise<unknown>;
  getUserContext(): Promise<unknown>;
  getAppContext(): Promise<unknown>;
  getMeetingContext(): Promise<unknown>;
  sendAppInvitationToAllParticipants(): Promise<unknown>;
  openUrl(options: { url: string }): Promise<unknown>;
  startCollaborate(options: { shareScreen: boolean }): Promise<unknown>;
  joinCollaborate(): Promise<unknown>;
  leaveCollaborate(): Promise<unknown>;
  endCollaborate(): Promise<unknown>;
  sendMessageToChat(options: { message: string }): Promise<unknown>;
  showNotification(options: {
    type: 'info' | 'warning' | 'error';
    title: string;
    message: string;
  }): Promise<unknown>;
  addEventListener(event: ZoomEventName, handler: (data: unknown) => void): void;
  removeEventListener(event: ZoomEventName, handler: (data: unknown) => void): void;
}

export interface ZoomUser {
  readonly screenName: string;
  /** `host`, `coHost`, `attendee` or `panelist`, as `getUserContext` says it. */
  readonly role: string;
  /**
   * Guest mode: the person has not added Cercle to a Zoom account (`status` other than
   * `authorized`). Zoom refuses them Collaborate, invitations and who is speaking.
   */
  readonly isGuest: boolean;
}

// What the Zoom client answers is read, not trusted: each answer is checked before use.
const runningContextSchema = z.object({ context: z.string().min(1) });
const userContextSchema = z.object({
  screenName: z.string(),
  role: z.string(),
  status: z.string().optional(),
});
const appContextSchema = z.object({
  context: z
    .string()
    .min(1)
    .max(64 * 1024),
});
// Zoom's typings say a string ("01234567890"); a number is read the same way.
const meetingContextSchema = z.object({ meetingID: z.union([z.string(), z.number()]) });
const breakoutChangeSchema = z.object({ action: z.enum(['join', 'leave']) });
const runningContextChangeSchema = z.object({ runningContext: z.string().min(1) });
const collaborateChangeSchema = z.object({ action: z.string().min(1) });
const visibilityChangeSchema = z.object({ visible: z.boolean() });
const activeSpeakersSchema = z.object({
  users: z.array(z.object({ screenName: z.string(), participantUUID: z.string().optional() })),
});

export const IN_COLLABORATE = 'inCollaborate';

/** Where Cercle has a meeting to serve; anywhere else (the main client, chat, phone) it does not. */
const MEETING_CONTEXTS: ReadonlySet<string> = new Set([
  'inMeeting',
  'inWebinar',
  'inImmersive',
  'inCollaborate',
]);

export function isMeetingContext(runningContext: string): boolean {
  return MEETING_CONTEXTS.has(runningContext);
}

export async function readRunningContext(connection: ZoomConnection): Promise<string> {
  return runningContextSchema.parse(await connection.call((sdk) => sdk.getRunningContext()))
    .context;
}

export async function readUser(connection: ZoomConnection): Promise<ZoomUser> {
  const user = userContextSchema.parse(await connection.call((sdk) => sdk.getUserContext()));
  return { screenName: user.screenName, role: user.role, isGuest: user.status !== 'authorized' };
}

/** The encrypted context for where the person is now, for the server to decrypt and check. */
export async function readAppContext(connection: ZoomConnection): Promise<string> {
  return appContextSchema.parse(await connection.call((sdk) => sdk.getAppContext())).context;
}

/**
 * The meeting's number (`getMeetingContext`, hosts and co-hosts, not in guest mode), which every
 * occurrence of a recurring meeting keeps; null when Zoom does not say or says something else.
 */
export async function readMeetingNumber(connection: ZoomConnection): Promise<string | null> {
  const parsed = meetingContextSchema.safeParse(
    await connection.call((sdk) => sdk.getMeetingContext()),
  );
  if (!parsed.success) return null;
  const digits = String(parsed.data.meetingID).replace(/\s/g, '');
  return /^[0-9]{1,20}$/.test(digits) ? digits : null;
}

export function parseBreakoutChange(data: unknown): 'join' | 'leave' | null {
  const parsed = breakoutChangeSchema.safeParse(data);
  return parsed.success ? parsed.data.action : null;
}

export function parseRunningContextChange(data: unknown): string | null {
  const parsed = runningContextChangeSchema.safeParse(data);
  return parsed.success ? parsed.data.runningContext : null;
}

/** `start`, `end` (hosts), `join`, `leave` (participants), or whatever a newer Zoom adds. */
export function parseCollaborateChange(data: unknown): string | null {
  const parsed = collaborateChangeSchema.safeParse(data);
  return parsed.success ? parsed.data.action : null;
}

export function parseVisibilityChange(data: unknown): boolean | null {
  const parsed = visibilityChangeSchema.safeParse(data);
  return parsed.success ? parsed.data.visible : null;
}

/** The screen names of everyone speaking now (Zoom sends the whole set each time). */
export function parseActiveSpeakers(data: unknown): string[] | null {
  const parsed = activeSpeakersSchema.safeParse(data);
  return parsed.success ? parsed.data.users.map((user) => user.screenName) : null;
}

/** Zoom's documented error code of a refused call (`ZoomApiError.code`), when it has one. */
export function zoomErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const { code } = error as { code: unknown };
  return typeof code === 'string' || typeof code === 'number' ? String(code) : null;
}

export interface ZoomConnected {
  readonly connection: ZoomConnection;
  readonly runningContext: string;
}

export interface ConnectZoomOptions {
  /**
   * The SDK; by default its own chunk, loaded only inside Zoom. Wrapped in an object because the
   * real SDK is a Proxy that answers any property, `then` included: a promise resolved with it
   * would call `zoomSdk.then(…)`, which the SDK sends to Zoom as an API call.
   */
  readonly loadSdk?: () => Promise<{ readonly sdk: ZoomSdkLike }>;
  readonly clock?: Clock;
  readonly onRefreshFailed?: (error: unknown) => void;
}

/**
 * Configures exactly the APIs the manifest enables and reads where the panel runs. Role and
 * running-context changes need `config` again (Zoom's SDK README), so both re-run it.
 */
export async function connectZoom(options: ConnectZoomOptions = {}): Promise<ZoomConnected> {
  const loadSdk =
    options.loadSdk ??
    (async () => ({ sdk: (await import('./zoomSdk.ts')).zoomSdk as unknown as ZoomSdkLike }));
  const { sdk } = await loadSdk();
  const connection = createZoomConnection({
    sdk,
    capabilities: ZOOM_APP_APIS,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onRefreshFailed ? { onRefreshFailed: options.onRefreshFailed } : {}),
  });
  const configured = await connection.configure();
  const reconfigure = () => {
    connection.configure().catch((error: unknown) => options.onRefreshFailed?.(error));
  };
  sdk.addEventListener('onMyUserContextChange', reconfigure);
  sdk.addEventListener('onRunningContextChange', reconfigure);
  // `getRunningContext` is the documented source; `config` says the same and stands in if it fails.
  const runningContext = await readRunningContext(connection).catch(() => {
    if (configured.runningContext) return configured.runningContext;
    throw new Error('Zoom did not say where Cercle runs');
  });
  return { connection, runningContext };
}
