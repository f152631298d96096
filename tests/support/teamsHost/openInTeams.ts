import type { Frame, FrameLocator, Page } from 'playwright-core';
import {
  type AuthTokenAnswer,
  type FrameContext,
  installTeamsHostSimulator,
  type SaveResult,
  type SimulatorConfig,
  type SimulatorControl,
  type SimulatorSnapshot,
  TAB_IFRAME_ID,
  type TabInstanceConfig,
  type TeamsCall,
  type TeamsMeeting,
  type TeamsTheme,
  type TeamsUser,
} from './hostSimulator.ts';
import { inPageCall } from './inPage.ts';
import { CERCLE_HOSTNAME, type CspViolation, type TeamsBrowser } from './teamsBrowser.ts';
import { TEAMS_HOST_PATH, TEAMS_ORIGIN } from './teamsHostServer.ts';

/** Ready-made people: an Entra user of the test tenant, and an anonymous meeting guest. */
export const TEAMS_USERS = {
  organiser: {
    objectId: '0b9c5d1e-7a4f-4c2b-9e8d-1f2a3b4c5d6e',
    tenantId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    userPrincipalName: 'awa@contoso.example',
    loginHint: 'awa@contoso.example',
    displayName: 'Awa',
    licenseType: 'Unknown',
  },
  attendee: {
    objectId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    tenantId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    userPrincipalName: 'bo@contoso.example',
    loginHint: 'bo@contoso.example',
    displayName: 'Bo',
    licenseType: 'Unknown',
  },
  anonymous: { licenseType: 'Anonymous' },
} as const satisfies Record<string, TeamsUser>;

export const TEAMS_TEST_MEETING: TeamsMeeting = {
  id: 'MCMxOTptZWV0aW5nX2UyZUB0aHJlYWQudjIjMA==',
  chatId: '19:meeting_e2e@thread.v2',
};

/** Cercle's app id in the simulated manifest. */
export const TEAMS_TEST_APP_ID = 'c3f1a7e2-4b5d-4e6f-9a8b-7c6d5e4f3a2b';

export interface TeamsTabOptions {
  /** The tab URL (configuration, content or stage page), https on Cercle's test name. */
  readonly url: string;
  readonly frameContext: FrameContext;
  readonly user?: TeamsUser;
  /** The meeting the tab is in; null for a tab outside a meeting. */
  readonly meeting?: TeamsMeeting | null;
  readonly theme?: TeamsTheme;
  readonly locale?: string;
  /** A token string, or `{ failure }` (the default: Teams gives no token, as for anonymous guests). */
  readonly authToken?: string | { readonly failure: string };
  readonly canShareToStage?: boolean;
  readonly shareToStageFailure?: string;
  readonly setConfigFailure?: string;
  readonly entityId?: string;
  /** The tab's saved configuration, returned by `pages.getConfig` (a reconfigured tab). */
  readonly savedConfig?: TabInstanceConfig;
  readonly appId?: string;
  /** Side panel: 320 × 720 (the default); stage: e.g. 1280 × 720. */
  readonly size?: { readonly width: number; readonly height: number };
  /** Defaults to Cercle's test host name. */
  readonly validDomains?: readonly string[];
  readonly sandbox?: string;
  /** Merged over the simulator's runtime `supports`. */
  readonly supports?: Record<string, unknown>;
  /** How long to wait for the tab's document to load. */
  readonly loadTimeoutMs?: number;
}

export interface TeamsTab {
  /** The simulated Teams page (top level, https://teams.microsoft.com). */
  readonly page: Page;
  /** Auto-waiting locator root inside the tab, for `getByTestId` and friends. */
  readonly tab: FrameLocator;
  /** The tab's frame now (it is the same frame across the tab's own navigations). */
  frame(): Frame;
  /** Every message the app sent the host, in order, with its args and the host's answer. */
  calls(): Promise<TeamsCall[]>;
  /** Waits for the first call named `func` (that satisfies `where`) and returns it. */
  waitForCall(
    func: string,
    options?: { where?: (call: TeamsCall) => boolean; timeoutMs?: number },
  ): Promise<TeamsCall>;
  /** The whole simulator state: calls, host events, ignored messages, config, sharing. */
  snapshot(): Promise<SimulatorSnapshot>;
  /** Presses Teams' Save: rejects while the page has not declared itself valid. */
  save(options?: { timeoutMs?: number }): Promise<SaveResult>;
  /** Sends `themeChange` and answers later `getContext` calls with this theme. */
  setTheme(theme: TeamsTheme): Promise<void>;
  setAuthToken(answer: string | { readonly failure: string }): Promise<void>;
  setCanShareToStage(canShare: boolean): Promise<void>;
  /** Sends any host event (`{ func, args }`) to the tab. */
  emit(func: string, args?: unknown[]): Promise<void>;
  /** The URL last shared to the meeting stage, or null. */
  sharedUrl(): Promise<string | null>;
  /** CSP violations reported by the tab's frames (Cercle's origin) on this page. */
  cspViolations(): Promise<CspViolation[]>;
  /** Tries localStorage, sessionStorage and a cookie inside the tab's frame. */
  probeStorage(): Promise<StorageProbe>;
  /** A picture of the tab alone, at its iframe size. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** `works`, or the error name the frame got (`SecurityError` when storage is refused). */
export interface StorageProbe {
  readonly localStorage: string;
  readonly sessionStorage: string;
  readonly cookie: string;
}

/** The page global the simulator installs (types only: evaluated callbacks cannot import). */
interface HostWindow {
  readonly __teamsHost: SimulatorControl;
}

const DEFAULT_SIZE = { width: 320, height: 720 } as const;
const FRAME_PADDING_PX = 8;
const CALL_POLL_INTERVAL_MS = 50;

/**
 * Opens a Teams meeting page at https://teams.microsoft.com in the browser and embeds `url` in it
 * as Teams does, answering the real teams-js in the tab as the Teams web client.
 */
export async function openInTeams(
  browser: TeamsBrowser,
  options: TeamsTabOptions,
): Promise<TeamsTab> {
  const size = options.size ?? DEFAULT_SIZE;
  const auth: AuthTokenAnswer =
    typeof options.authToken === 'string'
      ? { token: options.authToken }
      : (options.authToken ?? { failure: 'resourceRequiresConsent' });
  const config: SimulatorConfig = {
    url: options.url,
    frameContext: options.frameContext,
    theme: options.theme ?? 'default',
    locale: options.locale ?? 'fr-FR',
    user: options.user ?? TEAMS_USERS.organiser,
    meeting: options.meeting === undefined ? TEAMS_TEST_MEETING : options.meeting,
    appId: options.appId ?? TEAMS_TEST_APP_ID,
    entityId: options.entityId ?? null,
    savedConfig: options.savedConfig ?? null,
    auth,
    canShareToStage: options.canShareToStage ?? false,
    shareToStageFailure: options.shareToStageFailure ?? null,
    setConfigFailure: options.setConfigFailure ?? null,
    validDomains: options.validDomains ?? [CERCLE_HOSTNAME],
    size,
    sandbox: options.sandbox ?? null,
    supports: options.supports ?? {},
  };
  const tabOrigin = new URL(options.url).origin;
  const page = await browser.context.newPage();
  const iframe = page.locator(`#${TAB_IFRAME_ID}`);
  try {
    await page.setViewportSize({
      width: size.width + 2 * FRAME_PADDING_PX,
      height: size.height + 2 * FRAME_PADDING_PX,
    });
    await page.goto(`${TEAMS_ORIGIN}${TEAMS_HOST_PATH}`);
    await page.evaluate(inPageCall(installTeamsHostSimulator, config));
    const initial = await (await iframe.elementHandle())?.contentFrame();
    if (!initial) throw new Error('The simulated Teams page has no tab frame');
    await initial.waitForLoadState('domcontentloaded', {
      timeout: options.loadTimeoutMs ?? 30_000,
    });
    if (initial.url().startsWith('chrome-error:'))
      throw new Error(
        `${options.url} did not load in the Teams frame: refused to be framed (CSP frame-ancestors), a TLS or name error, or the server is down`,
      );
  } catch (error) {
    await page.close();
    throw error;
  }

  const snapshot = () =>
    page.evaluate(() => (window as unknown as HostWindow).__teamsHost.snapshot());

  const frame = (): Frame => {
    const child = page.frames().find((f) => f.parentFrame() === page.mainFrame());
    if (!child) throw new Error('The tab frame is gone');
    return child;
  };

  return {
    page,
    tab: page.frameLocator(`#${TAB_IFRAME_ID}`),
    frame,
    calls: async () => (await snapshot()).calls,
    async waitForCall(func, { where, timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await snapshot()).calls.find(
          (call) => call.func === func && (!where || where(call)),
        );
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`The tab did not call ${func} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, CALL_POLL_INTERVAL_MS));
      }
    },
    snapshot,
    save: ({ timeoutMs = 30_000 } = {}) =>
      page.evaluate((ms) => (window as unknown as HostWindow).__teamsHost.save(ms), timeoutMs),
    async setTheme(theme) {
      await page.evaluate((t) => (window as unknown as HostWindow).__teamsHost.setTheme(t), theme);
    },
    async setAuthToken(answer) {
      const value: AuthTokenAnswer = typeof answer === 'string' ? { token: answer } : answer;
      await page.evaluate((a) => (window as unknown as HostWindow).__teamsHost.setAuth(a), value);
    },
    async setCanShareToStage(canShare) {
      await page.evaluate(
        (can) => (window as unknown as HostWindow).__teamsHost.setCanShareToStage(can),
        canShare,
      );
    },
    async emit(func, args = []) {
      await page.evaluate(
        (m) => (window as unknown as HostWindow).__teamsHost.emit(m.func, m.args),
        { func, args },
      );
    },
    sharedUrl: async () => (await snapshot()).sharedUrl,
    cspViolations: () => browser.cspViolations({ page, origin: tabOrigin }),
    probeStorage: () =>
      frame().evaluate(inPageCall(probeStorageInFrame, null)) as Promise<StorageProbe>,
    async screenshot(path) {
      await iframe.screenshot({ path });
    },
    close: () => page.close(),
  };
}

function probeStorageInFrame(): StorageProbe {
  const tryStore = (open: () => Storage): string => {
    try {
      const store = open();
      store.setItem('cercle-harness-probe', '1');
      const kept = store.getItem('cercle-harness-probe') === '1';
      store.removeItem('cercle-harness-probe');
      return kept ? 'works' : 'lost';
    } catch (error) {
      return error instanceof Error ? error.name : String(error);
    }
  };
  let cookie: string;
  try {
    // biome-ignore lint/suspicious/noDocumentCookie: the probe tries the very API a refused site loses
    document.cookie = 'cercle-harness-probe=1; Secure; SameSite=None; Path=/';
    cookie = document.cookie.includes('cercle-harness-probe=1') ? 'works' : 'refused';
    // biome-ignore lint/suspicious/noDocumentCookie: removes the probe's cookie
    document.cookie = 'cercle-harness-probe=; Secure; SameSite=None; Path=/; Max-Age=0';
  } catch (error) {
    cookie = error instanceof Error ? error.name : String(error);
  }
  return {
    localStorage: tryStore(() => window.localStorage),
    sessionStorage: tryStore(() => window.sessionStorage),
    cookie,
  };
}
