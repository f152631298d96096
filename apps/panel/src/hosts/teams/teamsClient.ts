import { MICROSOFT_FRAME_ANCESTORS, matchesOriginPattern } from '@cercle/protocol';
import { setTheme } from '../../ui/theme.ts';

type Callback<T> = (
  error: { errorCode?: number; message?: string } | null,
  result: T | null,
) => void;

/** The Teams calls the panel makes; the real library and a test stand-in both fit. */
export interface TeamsSdkLike {
  app: {
    initialize(): Promise<void>;
    getContext(): Promise<{
      app: { theme?: string; locale?: string };
      page: { frameContext?: string };
      meeting?: { id?: string };
      chat?: { id?: string };
      user?: { id?: string; licenseType?: string; tenant?: { id?: string } };
    }>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  };
  pages: {
    config: {
      setValidityState(isValid: boolean): void;
      registerOnSaveHandler(
        handler: (event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void,
      ): void;
      setConfig(config: {
        contentUrl: string;
        websiteUrl?: string;
        entityId: string;
        suggestedDisplayName?: string;
      }): Promise<void>;
    };
    getConfig(): Promise<{ contentUrl?: string; websiteUrl?: string; entityId?: string }>;
  };
  meeting: {
    shareAppContentToStage(callback: Callback<boolean>, url: string): void;
    getAppContentStageSharingCapabilities(
      callback: Callback<{ doesAppHaveSharePermission: boolean }>,
    ): void;
    getAppContentStageSharingState(callback: Callback<{ isAppSharing: boolean }>): void;
    stopSharingAppContentToStage(callback: Callback<boolean>): void;
  };
  authentication: { getAuthToken(): Promise<string> };
}

/** Where Teams shows the page: its configuration, the side panel, the meeting stage, a tab. */
export type FrameContext = 'settings' | 'sidePanel' | 'meetingStage' | 'content' | 'other';

export interface TeamsHost {
  readonly sdk: TeamsSdkLike;
  readonly frameContext: FrameContext;
  readonly theme: string;
  readonly locale: string | null;
  /**
   * The meeting the tab runs in. Teams names it in every frame of a meeting tab; the server binds
   * the session to it and admits an SSO identity only into that meeting's session.
   */
  readonly meetingId: string | null;
  /** Anonymous meeting guests: Teams gives them no token, so they join by name. */
  readonly isAnonymous: boolean;
}

const FRAME_CONTEXTS: readonly FrameContext[] = [
  'settings',
  'sidePanel',
  'meetingStage',
  'content',
];

function frameContextOf(value: string | undefined): FrameContext {
  return FRAME_CONTEXTS.find((known) => known === value) ?? 'other';
}

/**
 * What the page knows at once, before asking Teams: `top` (not framed: Teams always frames a tab),
 * `teams` (framed by a Microsoft 365 host, per the browser's ancestor origins) or `unknown`
 * (framed by something else, or a browser that does not tell its ancestors).
 */
export type Framing = 'top' | 'teams' | 'unknown';

export function framingOf(win: Pick<Window, 'parent' | 'location'> = window): Framing {
  if (win.parent === win) return 'top';
  const parent = win.location.ancestorOrigins?.[0];
  if (parent === undefined) return 'unknown';
  return matchesOriginPattern(parent, MICROSOFT_FRAME_ANCESTORS) ? 'teams' : 'unknown';
}

/**
 * In a frame that may not be Teams, the browser panel shows after this long; if Teams answers
 * later, the page becomes the Teams tab after all.
 */
export const TEAMS_UNSURE_WAIT_MS = 3000;
/** Inside Teams, a slow client is told about after this long, and waited for still. */
export const TEAMS_SLOW_NOTICE_MS = 8000;

export async function loadTeamsSdk(): Promise<TeamsSdkLike> {
  return (await import('./teamsSdk.ts')) as unknown as TeamsSdkLike;
}

/** Initialises the library and reads the context: no timeout, the caller decides how to wait. */
export async function connectTeams(sdk: TeamsSdkLike): Promise<TeamsHost> {
  await sdk.app.initialize();
  const context = await sdk.app.getContext();
  return {
    sdk,
    frameContext: frameContextOf(context.page.frameContext),
    theme: context.app.theme ?? 'default',
    locale: context.app.locale ?? null,
    meetingId: context.meeting?.id ?? context.chat?.id ?? null,
    isAnonymous: context.user?.licenseType === 'Anonymous',
  };
}

/** Follows the Teams theme: default, dark or high contrast ("contrast"). */
export function applyTheme(theme: string): void {
  setTheme(theme === 'dark' || theme === 'contrast' ? theme : 'light');
}

/** The callback-style meeting calls as promises; a synchronous throw becomes a rejection too. */
export function callMeeting<T>(call: (callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      call((error, result) => {
        if (error) reject(new Error(error.message ?? `Teams error ${error.errorCode ?? ''}`));
        else resolve(result as T);
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
