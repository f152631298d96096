import { encryptZoomAppContext, makeZoomContextPayload } from '@cercle/host-auth/testing';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { buildZoomManifest } from '../../packages/manifests/src/buildManifests.ts';

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
  /**
   * The meeting's number (`getMeetingContext().meetingID`): each occurrence of a recurring meeting
   * has a UUID of its own and keeps this number. By default, one number per meeting UUID.
   */
  readonly meetingNumber?: string;
  readonly runningContext?: RunningContext;
}

/** One message the app's SDK sent the client, and how the client answered it. */
export interface ZoomCall {
  readonly api: string;
  /**
   * `ok`, or the refusal's code, for a call; `sent` for an event delivered, `withheld` for one
   * Zoom does not send this person (their role, guest mode, Cercle closed), or the refusal's code.
   */
  readonly outcome: string;
  /** The app page's address when it called. */
  readonly url: string;
  readonly data: unknown;
}

/** A message posted in the meeting chat, as everyone in the meeting reads it. */
export interface ZoomChatMessage {
  readonly from: string;
  readonly message: string;
}

/** A notification Zoom showed this person (`showNotification`). */
export interface ZoomNotificationShown {
  readonly type: string;
  readonly title: string;
  readonly message: string;
}

export interface ZoomClient {
  /** The stand-in client's page; the app runs in its frame. */
  readonly page: Page;
  readonly app: FrameLocator;
  calls(): Promise<ZoomCall[]>;
  /** The app frame's current address. */
  appUrl(): Promise<string>;
  /** Where Zoom runs the app for this person now. */
  runningContext(): Promise<string>;
  /** Zoom moves the person into a breakout room: no reload, an `onBreakoutRoomChange` event. */
  moveToBreakoutRoom(roomUuid: string): Promise<void>;
  returnToMainMeeting(): Promise<void>;
  /** Zoom says the app now runs elsewhere (an `onRunningContextChange` event). */
  changeRunningContext(runningContext: RunningContext): Promise<void>;
  /** Zoom's own offer to join Collaborate, shown by the client outside the app. */
  readonly collaborateOffer: Locator;
  /** The person accepts Zoom's offer: Zoom opens the app (again) in Collaborate. */
  acceptCollaborateOffer(): Promise<void>;
  /** The person closes Cercle's panel: the app is gone until Zoom opens it again. */
  closeApp(): Promise<void>;
  /** Zoom hides or shows the app's panel (`onAppVisibilityChange`). */
  setAppVisible(visible: boolean): Promise<void>;
  /** Zoom's do-not-disturb mode: `showNotification` is refused (10042). */
  setDoNotDisturb(on: boolean): Promise<void>;
  /** Whether the meeting lets this person chat (the host's setting). */
  setChatAllowed(allowed: boolean): Promise<void>;
  /** The notifications Zoom showed this person. */
  notifications(): Promise<ZoomNotificationShown[]>;
  /** The meeting's chat, as everyone in it reads it. */
  chat(): ZoomChatMessage[];
  /** Zoom says who is speaking now, to every app in the meeting allowed to hear it. */
  meetingSpeakers(screenNames: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The client's side of the Zoom Apps SDK as its web client speaks it: the app runs in a frame and
 * the SDK (`@zoom/appssdk`, unmodified, in the built panel) posts JSON requests to the parent,
 * which answers with `{ type: 'apiResponse', data: { jsCallId, result | errorCode, errorMessage } }`
 * and sends `{ type: 'event', name, data }`. It enforces what Cercle depends on, as Zoom's SDK
 * reference (0.16.41 typings) and guides document it:
 * - nothing but `config` before `config`; a `config` is bound to the page URL and the running
 *   context it ran in ("call config again" after `onRunningContextChange`, SDK README) and lasts
 *   two hours (the figure of Zoom's advanced sample; the SDK reference gives none);
 * - only the APIs and events named in `capabilities`, and only those the Marketplace app enables
 *   (here: the generated manifest, Collaborate mode included);
 * - `getMeetingContext` (the meeting's topic and number) for hosts and co-hosts only, in a meeting;
 * - the running context; guest mode, where `sendAppInvitationToAllParticipants`,
 *   `getMeetingContext`, the four Collaborate calls and the events `onCollaborateChange`, `onRunningContextChange` and
 *   `onActiveSpeakerChange` are not available; `onActiveSpeakerChange` for hosts and co-hosts only;
 * - Collaborate: `startCollaborate` (10084 already on, 10089 not enabled, 10090 breakout room or
 *   webinar), `joinCollaborate` (10085 none, 10086 already in), `leaveCollaborate` and
 *   `endCollaborate` (10087 not in it); the others in the meeting get Zoom's offer to join, and
 *   accepting it opens the app again with the collaboration's id (`cid`) in its context;
 * - `sendMessageToChat` in a meeting only (its documented running contexts leave Collaborate out),
 *   and not when the meeting closes the chat; `showNotification` refused in do-not-disturb (10042);
 * - `openUrl` only for an http(s) address on the app's domain allow list.
 * Codes that Zoom does not document (guest mode, a closed chat, the wrong running context) are this
 * stand-in's own words.
 */
const CLIENT_SCRIPT = `
const settings = (window.__zoomSettings = JSON.parse(document.getElementById('settings').textContent));
const frame = document.getElementById('app');
const calls = (window.__zoomCalls = []);
const shown = (window.__zoomNotifications = []);
let configured = null;

const GUEST_REFUSED = ['sendAppInvitationToAllParticipants', 'getMeetingContext', 'startCollaborate', 'joinCollaborate', 'leaveCollaborate', 'endCollaborate'];
const EVENTS_NOT_FOR_GUESTS = ['onCollaborateChange', 'onRunningContextChange', 'onActiveSpeakerChange'];
const EVENTS_FOR_HOSTS = ['onActiveSpeakerChange'];
const CHAT_CONTEXTS = ['inMeeting', 'inChat', 'inMeetingChat'];

const appUrl = () => {
  try { return frame.contentWindow.location.href; } catch { return 'cross-origin'; }
};
const refuse = (errorCode, errorMessage) => ({ errorCode, errorMessage });
const success = { result: { message: 'success' } };
const isAllowed = (raw) => {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && settings.allowedHosts.includes(url.host);
  } catch { return false; }
};
const isHost = () => settings.user.role === 'host' || settings.user.role === 'coHost';

function emit(name, data) {
  let outcome = 'sent';
  if (appUrl() === 'about:blank') outcome = 'withheld';
  else if (!configured || configured.url !== appUrl()) outcome = 'notConfigured';
  else if (!configured.capabilities.includes(name)) outcome = 'notInCapabilities';
  else if (settings.guest && EVENTS_NOT_FOR_GUESTS.includes(name)) outcome = 'withheld';
  else if (EVENTS_FOR_HOSTS.includes(name) && !isHost()) outcome = 'withheld';
  calls.push({ api: name, outcome, url: appUrl(), data });
  if (outcome === 'sent') frame.contentWindow.postMessage({ type: 'event', name, data }, '*');
}
window.__zoomEmit = emit;

function setContext(runningContext) {
  settings.runningContext = runningContext;
  emit('onRunningContextChange', { runningContext, timestamp: Date.now() });
}
function showOffer(by) {
  const offer = document.getElementById('offer');
  offer.hidden = false;
  offer.querySelector('span').textContent = by + ' vous invite à collaborer dans Cercle';
}
const hideOffer = () => { document.getElementById('offer').hidden = true; };

// Called by the meeting (the test process) when someone else starts or ends Collaborate.
window.__zoomCollaborateStarted = (collaborateUUID, by) => {
  if (settings.guest) {
    document.getElementById('share').hidden = false;
    return;
  }
  showOffer(by);
  emit('onCollaborateChange', { action: 'start', collaborateUUID, timestamp: Date.now() });
};
window.__zoomCollaborateEnded = () => {
  hideOffer();
  document.getElementById('share').hidden = true;
  if (settings.guest) return;
  if (settings.runningContext === 'inCollaborate') setContext('inMeeting');
  emit('onCollaborateChange', { action: 'end', timestamp: Date.now() });
};
// The person accepted Zoom's offer: Zoom opens the app in Collaborate, a fresh load.
window.__zoomOpenInCollaborate = () => {
  hideOffer();
  settings.runningContext = 'inCollaborate';
  configured = null;
  frame.src = '/zoom/home';
};
window.__zoomCloseApp = () => {
  configured = null;
  frame.src = 'about:blank';
};

async function answer(apiName, data, url) {
  if (apiName === 'config') {
    const asked = Array.isArray(data?.js_api_lists) ? data.js_api_lists : [];
    configured = {
      url,
      at: Date.now(),
      runningContext: settings.runningContext,
      capabilities: asked.filter((api) => settings.marketplaceApis.includes(api)),
    };
    return { result: {
      runningContext: settings.runningContext,
      clientVersion: '6.4.5.60000',
      browserVersion: 'chromium/stand-in',
      unsupportedApis: asked.filter((api) => !settings.marketplaceApis.includes(api)),
      auth: { status: settings.guest ? 'unauthenticated' : 'authorized', upgradable: true },
      product: 'desktop',
      userAgent: navigator.userAgent,
    } };
  }
  if (!configured) return refuse('notConfigured', 'Call config first');
  if (configured.url !== url) return refuse('configUrlChanged', 'The app URL changed since config: call config again');
  if (configured.runningContext !== settings.runningContext) return refuse('runningContextChanged', 'The running context changed since config: call config again');
  if (Date.now() - configured.at > settings.configLifetimeMs) return refuse('configExpired', 'The config has expired: call config again');
  if (!configured.capabilities.includes(apiName)) return refuse('notInCapabilities', apiName + ' is not in the configured capabilities');
  if (settings.guest && GUEST_REFUSED.includes(apiName)) return refuse('guestMode', 'Not available in guest mode');
  switch (apiName) {
    case 'getRunningContext':
      return { result: settings.runningContext };
    case 'getUserContext':
      return { result: settings.user };
    case 'getAppContext':
      return { result: { context: await window.__zoomAppContext() } };
    case 'getMeetingContext':
      if (settings.runningContext === 'inMainClient') return refuse('notInMeeting', 'Only in a meeting');
      if (!isHost()) return refuse(80012, 'require_meeting_role');
      return { result: { meetingTopic: settings.meetingTopic, meetingID: settings.meetingNumber } };
    case 'sendAppInvitationToAllParticipants':
      if (settings.runningContext === 'inMainClient') return refuse('notInMeeting', 'Only in a meeting');
      return { result: { invitationUUID: 'invitation-' + calls.length } };
    case 'openUrl':
      if (!isAllowed(data?.url)) return refuse('notAllowed', 'The domain is not on the allow list');
      return { result: 'success' };
    case 'startCollaborate': {
      if (settings.runningContext === 'inWebinar' || settings.room) return refuse(10090, "Collaboration isn't supported in webinar and breakout meeting.");
      if (!settings.collaborateMode) return refuse(10089, 'This app cannot support collaborate mode.');
      if (settings.runningContext === 'inCollaborate') return refuse(10084, 'The app is in collaborate mode.');
      const started = await window.__zoomMeeting('startCollaborate', {});
      if (started.refused) return refuse(started.refused, started.message);
      setTimeout(() => {
        setContext('inCollaborate');
        emit('onCollaborateChange', { action: 'start', collaborateUUID: started.collaborateUUID, timestamp: Date.now() });
      });
      return success;
    }
    case 'joinCollaborate': {
      if (settings.runningContext === 'inCollaborate') return refuse(10086, 'you are already in collaborate mode.');
      const joined = await window.__zoomMeeting('joinCollaborate', {});
      if (joined.refused) return refuse(joined.refused, joined.message);
      hideOffer();
      setTimeout(() => {
        setContext('inCollaborate');
        emit('onCollaborateChange', { action: 'join', timestamp: Date.now() });
      });
      return success;
    }
    case 'leaveCollaborate':
      if (settings.runningContext !== 'inCollaborate') return refuse(10087, "you aren't in collaborate mode.");
      setTimeout(() => {
        setContext('inMeeting');
        emit('onCollaborateChange', { action: 'leave', timestamp: Date.now() });
        showOffer('Zoom');
      });
      return success;
    case 'endCollaborate': {
      if (settings.runningContext !== 'inCollaborate') return refuse(10087, "you aren't in collaborate mode.");
      const ended = await window.__zoomMeeting('endCollaborate', {});
      if (ended.refused) return refuse(ended.refused, ended.message);
      setTimeout(() => {
        setContext('inMeeting');
        emit('onCollaborateChange', { action: 'end', timestamp: Date.now() });
      });
      return success;
    }
    case 'sendMessageToChat': {
      if (!CHAT_CONTEXTS.includes(settings.runningContext)) return refuse('notInRunningContext', 'Not available in ' + settings.runningContext);
      if (!settings.chatAllowed) return refuse('chatDisabled', 'The meeting does not allow you to chat');
      if (typeof data?.message !== 'string' || data.message.trim() === '') return refuse('invalidParameter', 'message is required');
      const posted = await window.__zoomMeeting('chat', { message: data.message });
      return { result: { result: [{ channelId: 'meeting-chat', messageId: posted.messageId }] } };
    }
    case 'showNotification': {
      if (!['info', 'warning', 'error'].includes(data?.type) || typeof data?.title !== 'string' || typeof data?.message !== 'string') return refuse('invalidParameter', 'type, title and message are required');
      if (settings.doNotDisturb) return refuse(10042, 'Not allowed to show notification for do-not-disturb-mode.');
      shown.push({ type: data.type, title: data.title, message: data.message });
      const item = document.createElement('li');
      item.textContent = data.title + ' — ' + data.message;
      document.getElementById('notifications').append(item);
      return success;
    }
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
  calls.push({ api: request.apiName, outcome: reply.errorCode === undefined ? 'ok' : String(reply.errorCode), url, data: request.data ?? null });
  frame.contentWindow.postMessage({ type: 'apiResponse', data: { jsCallId: request.jsCallId, ...reply } }, '*');
});

document.getElementById('offer-join').addEventListener('click', async () => {
  const accepted = await window.__zoomMeeting('acceptOffer', {});
  if (!accepted.refused) window.__zoomOpenInCollaborate();
});
`;

function clientPage(settings: Record<string, unknown>): string {
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Zoom (stand-in client)</title>
<style>html,body{margin:0;height:100%}body{display:flex;flex-direction:column}
#zoom{font:12px system-ui;background:#eef}#zoom [hidden]{display:none}#zoom ul{margin:0}
iframe{border:0;width:100%;flex:1;display:block}</style></head>
<body><div id="zoom" aria-label="Zoom">
<p id="offer" data-testid="zoom-offer" hidden><span></span> <button id="offer-join" type="button">Rejoindre</button></p>
<p id="share" data-testid="zoom-share" hidden>Partage d’écran de l’animateur</p>
<ul id="notifications" data-testid="zoom-notifications"></ul></div>
<iframe id="app" title="Cercle" src="/zoom/home"></iframe>
<script id="settings" type="application/json">${json}</script>
<script>${CLIENT_SCRIPT}</script></body></html>`;
}

/** Zoom's `typ` claim for where the app runs. */
function contextType(runningContext: RunningContext): string {
  if (runningContext === 'inMainClient') return 'panel';
  return runningContext === 'inWebinar' ? 'webinar' : 'meeting';
}

/** Everyone in one Zoom meeting: Collaborate is theirs together, and so is the chat. */
interface Meeting {
  /** Zoom's meeting number, unless a person names the recurring meeting's own. */
  readonly number: string;
  readonly members: Set<Member>;
  collaboration: { readonly uuid: string } | null;
  readonly chat: ZoomChatMessage[];
  started: number;
}

interface Member {
  readonly person: ZoomPerson;
  readonly page: Page;
  /** The collaboration this person accepted to join through Zoom's offer, for the context. */
  cid: string | null;
}

const meetings = new Map<string, Meeting>();

function meetingOf(uuid: string): Meeting {
  let meeting = meetings.get(uuid);
  if (!meeting) {
    meeting = {
      number: String(81_000_000_000 + meetings.size),
      members: new Set(),
      collaboration: null,
      chat: [],
      started: 0,
    };
    meetings.set(uuid, meeting);
  }
  return meeting;
}

/** What the meeting answers a member's client for what concerns everyone in it. */
async function meetingAnswer(
  meeting: Meeting,
  member: Member,
  action: string,
  data: { message?: string },
): Promise<Record<string, unknown>> {
  const others = [...meeting.members].filter((other) => other !== member);
  switch (action) {
    case 'startCollaborate': {
      if (meeting.collaboration)
        return { refused: 10084, message: 'The app is in collaborate mode.' };
      meeting.started += 1;
      const uuid = `collaborate-${meeting.started}`;
      meeting.collaboration = { uuid };
      await Promise.all(
        others.map((other) =>
          other.page.evaluate(
            ([id, by]) =>
              (
                window as unknown as { __zoomCollaborateStarted(i: string, b: string): void }
              ).__zoomCollaborateStarted(id, by),
            [uuid, member.person.screenName] as const,
          ),
        ),
      );
      return { collaborateUUID: uuid };
    }
    case 'joinCollaborate':
    case 'acceptOffer':
      if (!meeting.collaboration)
        return { refused: 10085, message: "The app isn't in collaborate mode." };
      if (action === 'acceptOffer') member.cid = meeting.collaboration.uuid;
      return { collaborateUUID: meeting.collaboration.uuid };
    case 'endCollaborate':
      if (!meeting.collaboration)
        return { refused: 10085, message: "The app isn't in collaborate mode." };
      meeting.collaboration = null;
      for (const each of meeting.members) each.cid = null;
      await Promise.all(
        others.map((other) =>
          other.page.evaluate(() =>
            (window as unknown as { __zoomCollaborateEnded(): void }).__zoomCollaborateEnded(),
          ),
        ),
      );
      return {};
    case 'chat':
      meeting.chat.push({ from: member.person.screenName, message: String(data.message) });
      return { messageId: `message-${meeting.chat.length}` };
    default:
      return { refused: 'unknownAction', message: action };
  }
}

/**
 * Opens Cercle as Zoom's client would: a page standing in for the client frames the Home URL,
 * whose request carries an encrypted context for this person, and answers the panel's real SDK.
 * People opened with the same meeting UUID share its Collaborate mode and its chat.
 */
export async function openInZoomClient(
  browser: Browser,
  serverUrl: string,
  person: ZoomPerson,
  options: {
    readonly locale?: string;
    readonly configLifetimeMs?: number;
    /** The Marketplace app differs from the generated manifest (a feature left off). */
    readonly collaborateMode?: boolean;
  } = {},
): Promise<ZoomClient> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 760 },
    locale: options.locale ?? 'fr-FR',
    userAgent: ZOOM_USER_AGENT,
  });
  const page = await context.newPage();
  const runningContext = person.runningContext ?? 'inMeeting';
  const host = new URL(serverUrl).host;
  // The Marketplace app as the generated manifest declares it.
  const manifest = buildZoomManifest({
    baseUrl: serverUrl,
    host,
    teamsAppId: '00000000-0000-4000-8000-000000000000',
    teamsClientId: null,
  });
  const features = manifest.features.in_client_feature;
  const meeting = meetingOf(person.meetingUuid);
  const member: Member = { person, page, cid: null };
  meeting.members.add(member);
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
        cid: member.cid ?? undefined,
        attendrole: isMainClient ? undefined : person.attendrole,
      }),
      ZOOM_TEST_APP.clientSecret,
    );
  };
  await page.exposeFunction('__zoomAppContext', header);
  await page.exposeFunction('__zoomMeeting', (action: string, data: { message?: string }) =>
    meetingAnswer(meeting, member, action, data),
  );
  await page.route(`**${CLIENT_PATH}`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: clientPage({
        runningContext,
        guest: person.uid === null,
        room: null,
        meetingTopic: 'Réunion Zoom',
        meetingNumber: person.meetingNumber ?? meeting.number,
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
        marketplaceApis: features.zoom_app_api.zoom_app_apis,
        collaborateMode: options.collaborateMode ?? features.collaborate_mode.enable,
        allowedHosts: [host],
        configLifetimeMs: options.configLifetimeMs ?? 2 * 60 * 60_000,
        chatAllowed: true,
        doNotDisturb: false,
      }),
    }),
  );
  await page.route('**/zoom/home', async (route) => {
    await route.continue({
      headers: { ...route.request().headers(), 'x-zoom-app-context': header() },
    });
  });
  await page.goto(`${serverUrl}${CLIENT_PATH}`);
  type StandInWindow = Window & {
    __zoomSettings: Record<string, unknown>;
    __zoomEmit(name: string, data: unknown): void;
    __zoomCloseApp(): void;
  };
  const emit = (name: string, data: unknown) =>
    page.evaluate(
      ([event, payload]) => (window as unknown as StandInWindow).__zoomEmit(event, payload),
      [name, data] as const,
    );
  const setting = (name: string, value: unknown) =>
    page.evaluate(
      ([key, next]) => {
        (window as unknown as StandInWindow).__zoomSettings[key] = next;
      },
      [name, value] as const,
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
    runningContext: () =>
      page.evaluate(() =>
        String((window as unknown as StandInWindow).__zoomSettings.runningContext),
      ),
    async moveToBreakoutRoom(roomUuid) {
      room = roomUuid;
      await setting('room', roomUuid);
      await emit('onBreakoutRoomChange', {
        action: 'join',
        breakoutRoomUUID: roomUuid,
        timestamp: Date.now(),
      });
    },
    async returnToMainMeeting() {
      const left = room;
      room = null;
      await setting('room', null);
      await emit('onBreakoutRoomChange', {
        action: 'leave',
        breakoutRoomUUID: left,
        timestamp: Date.now(),
      });
    },
    async changeRunningContext(next) {
      await setting('runningContext', next);
      await emit('onRunningContextChange', { runningContext: next, timestamp: Date.now() });
    },
    collaborateOffer: page.getByTestId('zoom-offer'),
    async acceptCollaborateOffer() {
      await page.getByTestId('zoom-offer').getByRole('button', { name: 'Rejoindre' }).click();
    },
    closeApp: () => page.evaluate(() => (window as unknown as StandInWindow).__zoomCloseApp()),
    setAppVisible: (visible) => emit('onAppVisibilityChange', { visible, timestamp: Date.now() }),
    setDoNotDisturb: (on) => setting('doNotDisturb', on),
    setChatAllowed: (allowed) => setting('chatAllowed', allowed),
    notifications: () =>
      page.evaluate(
        () =>
          (window as unknown as { __zoomNotifications: ZoomNotificationShown[] })
            .__zoomNotifications,
      ),
    chat: () => [...meeting.chat],
    async meetingSpeakers(screenNames) {
      const data = {
        timestamp: Math.floor(Date.now() / 1000),
        users: screenNames.map((screenName) => ({
          screenName,
          participantId: screenName,
          participantUUID: `participant-${screenName}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
        })),
      };
      await Promise.all(
        [...meeting.members].map((each) =>
          each.page.evaluate(
            (value) =>
              (window as unknown as StandInWindow).__zoomEmit('onActiveSpeakerChange', value),
            data,
          ),
        ),
      );
    },
    async close() {
      meeting.members.delete(member);
      await context.close();
    },
  };
}
