import { encryptZoomAppContext, makeZoomContextPayload } from '@cercle/host-auth/testing';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { ZOOM_APP_APIS } from '../../packages/manifests/src/zoomApis.ts';

export const ZOOM_TEST_APP = {
  clientId: 'cercle-e2e-client',
  clientSecret: 'cercle-e2e-secret-0123456789',
};
export const ZOOM_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156 ZoomApps/1.0';

/** Where the stand-in client lives: same origin as the app, as `frame-ancestors 'self'` allows. */
const CLIENT_PATH = '/__zoom-client';

export type RunningContext = 'inMeeting' | 'inWebinar' | 'inMainClient' | 'inCollaborate';

export interface ZoomPerson {
  /** Null for a guest: someone who has not added Cercle to a Zoom account (guest mode). */
  readonly uid: string | null;
  readonly screenName: string;
  /** As in the context header: host, co-host, participant. */
  readonly attendrole: 'host' | 'co-host' | 'participant';
  readonly meetingUuid: string;
  readonly runningContext?: RunningContext;
}

/** One message the app's SDK sent the client, and how the client answered it. */
export interface ZoomCall {
  readonly api: string;
  /** `ok`, or the refusal's code. */
  readonly outcome: string;
  /** The app page's address when it called. */
  readonly url: string;
  readonly data: unknown;
}

export interface ZoomClient {
  /** The stand-in client's page; the app runs in its frame. */
  readonly page: Page;
  readonly app: FrameLocator;
  calls(): Promise<ZoomCall[]>;
  /** The app frame's current address. */
  appUrl(): Promise<string>;
  /** Zoom moves the person into a breakout room: no reload, an `onBreakoutRoomChange` event. */
  moveToBreakoutRoom(roomUuid: string): Promise<void>;
  returnToMainMeeting(): Promise<void>;
  /** Zoom says the app now runs elsewhere (an `onRunningContextChange` event). */
  changeRunningContext(runningContext: RunningContext): Promise<void>;
  close(): Promise<void>;
}

/**
 * The client's side of the Zoom Apps SDK as its web client speaks it: the app runs in a frame and
 * the SDK (`@zoom/appssdk`, unmodified, in the built panel) posts JSON requests to the parent,
 * which answers with `{ type: 'apiResponse', data: { jsCallId, result | errorCode, errorMessage } }`
 * and sends `{ type: 'event', name, data }`. It enforces what Cercle depends on:
 * - nothing but `config` before `config`; a `config` is bound to the page URL it ran on and lasts
 *   two hours (the figure of Zoom's advanced sample; the SDK reference gives none);
 * - only the APIs and events named in `capabilities`, and only those the Marketplace app enables;
 * - the running context; guest mode, where `sendAppInvitationToAllParticipants` is refused;
 * - `openUrl` only for an http(s) address on the app's domain allow list.
 * Error codes are this stand-in's own: Zoom does not document the ones for these refusals.
 */
const CLIENT_SCRIPT = `
const settings = JSON.parse(document.getElementById('settings').textContent);
const frame = document.getElementById('app');
const calls = (window.__zoomCalls = []);
let configured = null;

const appUrl = () => {
  try { return frame.contentWindow.location.href; } catch { return 'cross-origin'; }
};
const refuse = (errorCode, errorMessage) => ({ errorCode, errorMessage });
const isAllowed = (raw) => {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && settings.allowedHosts.includes(url.host);
  } catch { return false; }
};

async function answer(apiName, data, url) {
  if (apiName === 'config') {
    const asked = Array.isArray(data?.js_api_lists) ? data.js_api_lists : [];
    configured = { url, at: Date.now(), capabilities: asked.filter((api) => settings.marketplaceApis.includes(api)) };
    return { result: {
      runningContext: settings.runningContext,
      clientVersion: '6.4.0.60000',
      browserVersion: 'chromium/stand-in',
      unsupportedApis: asked.filter((api) => !settings.marketplaceApis.includes(api)),
      auth: { status: settings.guest ? 'unauthenticated' : 'authorized', upgradable: true },
      product: 'desktop',
      userAgent: navigator.userAgent,
    } };
  }
  if (!configured) return refuse('notConfigured', 'Call config first');
  if (configured.url !== url) return refuse('configUrlChanged', 'The app URL changed since config: call config again');
  if (Date.now() - configured.at > settings.configLifetimeMs) return refuse('configExpired', 'The config has expired: call config again');
  if (!configured.capabilities.includes(apiName)) return refuse('notInCapabilities', apiName + ' is not in the configured capabilities');
  switch (apiName) {
    case 'getRunningContext':
      return { result: settings.runningContext };
    case 'getUserContext':
      return { result: settings.user };
    case 'getAppContext':
      return { result: { context: await window.__zoomAppContext() } };
    case 'sendAppInvitationToAllParticipants':
      if (settings.guest) return refuse('guestMode', 'Not available in guest mode');
      if (settings.runningContext === 'inMainClient') return refuse('notInMeeting', 'Only in a meeting');
      return { result: { invitationUUID: 'invitation-' + calls.length } };
    case 'openUrl':
      if (!isAllowed(data?.url)) return refuse('notAllowed', 'The domain is not on the allow list');
      return { result: 'success' };
    default:
      return refuse('unknownApi', apiName + ' is not answered by this stand-in');
  }
}

window.addEventListener('message', async (event) => {
  if (event.source !== frame.contentWindow || typeof event.data !== 'string') return;
  let request;
  try { request = JSON.parse(event.data); } catch { return; }
  if (!request || typeof request.apiName !== 'string') return;
  const url = appUrl();
  const reply = await answer(request.apiName, request.data, url);
  calls.push({ api: request.apiName, outcome: reply.errorCode ?? 'ok', url, data: request.data ?? null });
  frame.contentWindow.postMessage({ type: 'apiResponse', data: { jsCallId: request.jsCallId, ...reply } }, '*');
});

window.__zoomSetRunningContext = (runningContext) => {
  settings.runningContext = runningContext;
};

window.__zoomEmit = (name, data) => {
  const isListening = configured && configured.url === appUrl() && configured.capabilities.includes(name);
  calls.push({ api: name, outcome: isListening ? 'sent' : 'notInCapabilities', url: appUrl(), data });
  if (isListening) frame.contentWindow.postMessage({ type: 'event', name, data }, '*');
};
`;

function clientPage(settings: Record<string, unknown>): string {
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Zoom (stand-in client)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe id="app" title="Cercle" src="/zoom/home"></iframe>
<script id="settings" type="application/json">${json}</script>
<script>${CLIENT_SCRIPT}</script></body></html>`;
}

/** Zoom's `typ` claim for where the app runs. */
function contextType(runningContext: RunningContext): string {
  if (runningContext === 'inMainClient') return 'panel';
  return runningContext === 'inWebinar' ? 'webinar' : 'meeting';
}

/**
 * Opens Cercle as Zoom's client would: a page standing in for the client frames the Home URL,
 * whose request carries an encrypted context for this person, and answers the panel's real SDK.
 */
export async function openInZoomClient(
  browser: Browser,
  serverUrl: string,
  person: ZoomPerson,
  options: { readonly locale?: string; readonly configLifetimeMs?: number } = {},
): Promise<ZoomClient> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 760 },
    locale: options.locale ?? 'fr-FR',
    userAgent: ZOOM_USER_AGENT,
  });
  const page = await context.newPage();
  const runningContext = person.runningContext ?? 'inMeeting';
  let room: string | null = null;
  const header = () => {
    const isMainClient = runningContext === 'inMainClient';
    return encryptZoomAppContext(
      makeZoomContextPayload({
        clientId: ZOOM_TEST_APP.clientId,
        now: Date.now(),
        typ: contextType(runningContext),
        uid: person.uid ?? undefined,
        mid: isMainClient ? undefined : person.meetingUuid,
        bmid: room ?? undefined,
        attendrole: isMainClient ? undefined : person.attendrole,
      }),
      ZOOM_TEST_APP.clientSecret,
    );
  };
  const host = new URL(serverUrl).host;
  await page.exposeFunction('__zoomAppContext', header);
  await page.route(`**${CLIENT_PATH}`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: clientPage({
        runningContext,
        guest: person.uid === null,
        user: {
          screenName: person.screenName,
          role:
            person.attendrole === 'host'
              ? 'host'
              : person.attendrole === 'co-host'
                ? 'coHost'
                : 'attendee',
          participantUUID: `participant-${person.screenName}`,
          status: person.uid === null ? 'unauthenticated' : 'authorized',
        },
        marketplaceApis: [...ZOOM_APP_APIS],
        allowedHosts: [host],
        configLifetimeMs: options.configLifetimeMs ?? 2 * 60 * 60_000,
      }),
    }),
  );
  await page.route('**/zoom/home', async (route) => {
    await route.continue({
      headers: { ...route.request().headers(), 'x-zoom-app-context': header() },
    });
  });
  await page.goto(`${serverUrl}${CLIENT_PATH}`);
  const emit = (name: string, data: unknown) =>
    page.evaluate(
      ([event, payload]) =>
        (window as unknown as { __zoomEmit(n: unknown, d: unknown): void }).__zoomEmit(
          event,
          payload,
        ),
      [name, data] as const,
    );
  return {
    page,
    app: page.frameLocator('#app'),
    calls: () =>
      page.evaluate(() => (window as unknown as { __zoomCalls: ZoomCall[] }).__zoomCalls),
    appUrl: () =>
      page.evaluate(
        () => (document.getElementById('app') as HTMLIFrameElement).contentWindow?.location.href,
      ) as Promise<string>,
    async moveToBreakoutRoom(roomUuid) {
      room = roomUuid;
      await emit('onBreakoutRoomChange', {
        action: 'join',
        breakoutRoomUUID: roomUuid,
        timestamp: Date.now(),
      });
    },
    async returnToMainMeeting() {
      const left = room;
      room = null;
      await emit('onBreakoutRoomChange', {
        action: 'leave',
        breakoutRoomUUID: left,
        timestamp: Date.now(),
      });
    },
    async changeRunningContext(next) {
      await page.evaluate(
        (value) =>
          (
            window as unknown as { __zoomSetRunningContext(v: string): void }
          ).__zoomSetRunningContext(value),
        next,
      );
      await emit('onRunningContextChange', { runningContext: next, timestamp: Date.now() });
    },
    close: () => context.close(),
  };
}
