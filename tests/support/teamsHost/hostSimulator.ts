/**
 * The Teams side of teams-js 2.58's postMessage protocol, run inside the simulated Teams page.
 * `installTeamsHostSimulator` is passed to `page.evaluate`, so it must stay self-contained: no
 * imports, no references outside its own body.
 *
 * Wire shapes (communication.js, messageObjects.js):
 *   app → host request  { id, uuidAsString, func, args, timestamp, monotonicTimestamp,
 *                         apiVersionTag, isProxiedFromChild, teamsJsInstanceId }
 *   host → app response { id, uuidAsString, args }        (a numeric `id` marks a response)
 *   host → app event    { func, args }                    (no `id`: dispatched to handlers)
 */

export type FrameContext =
  | 'settings'
  | 'content'
  | 'sidePanel'
  | 'meetingStage'
  | 'remove'
  | 'task'
  | 'stage';
export type TeamsTheme = 'default' | 'dark' | 'contrast' | 'glass';

/** Who opened the tab. Anonymous guests have no object id or tenant, and licence `Anonymous`. */
export interface TeamsUser {
  readonly objectId?: string;
  readonly tenantId?: string;
  readonly userPrincipalName?: string;
  readonly loginHint?: string;
  readonly displayName?: string;
  /** `userLicenseType` in the context: `Anonymous` for anonymous guests. */
  readonly licenseType?: string;
}

export interface TeamsMeeting {
  readonly id: string;
  readonly chatId: string;
}

/** A tab's configuration, as `pages.config.setConfig` sends it (teams-js `pages.InstanceConfig`). */
export interface TabInstanceConfig {
  readonly contentUrl: string;
  readonly websiteUrl?: string;
  readonly entityId?: string;
  readonly suggestedDisplayName?: string;
  readonly removeUrl?: string;
}

/** What `authentication.getAuthToken` answers: a token, or a failure with Teams' reason. */
export type AuthTokenAnswer = { readonly token: string } | { readonly failure: string };

export interface SimulatorConfig {
  readonly url: string;
  readonly frameContext: FrameContext;
  readonly theme: TeamsTheme;
  readonly locale: string;
  readonly user: TeamsUser;
  readonly meeting: TeamsMeeting | null;
  readonly appId: string;
  /** The saved tab's entityId, for content, side panel and stage frames. */
  readonly entityId: string | null;
  /** The tab's saved configuration (what `pages.getConfig` returns), or null for a new tab. */
  readonly savedConfig: TabInstanceConfig | null;
  readonly auth: AuthTokenAnswer;
  readonly canShareToStage: boolean;
  /** When set, `meeting.shareAppContentToStage` fails with this message even when allowed. */
  readonly shareToStageFailure: string | null;
  /** When set, `pages.config.setConfig` is refused with this reason. */
  readonly setConfigFailure: string | null;
  /** Hosts the app's manifest lists in `validDomains`; messages from elsewhere are ignored. */
  readonly validDomains: readonly string[];
  readonly size: { readonly width: number; readonly height: number };
  /** The iframe's sandbox attribute, or null for none. */
  readonly sandbox: string | null;
  /** Merged over the simulator's runtime `supports`. */
  readonly supports: Record<string, unknown>;
}

/** One message the app sent to the host, in arrival order, with the host's answer if any. */
export interface TeamsCall {
  readonly seq: number;
  readonly func: string;
  readonly args: unknown[];
  /** The legacy numeric id; null for messages without one. */
  readonly id: number | null;
  readonly uuid: string | null;
  readonly apiVersionTag: string | null;
  /** The sender's origin, as the host saw it. */
  readonly origin: string;
  readonly at: number;
  /** The `args` the host answered with, or null when the call takes no answer. */
  readonly reply: unknown[] | null;
}

/** A message the host sent unprompted (`themeChange`, `settings.save`, …). */
export interface TeamsHostEvent {
  readonly func: string;
  readonly args: unknown[];
  readonly at: number;
}

export interface SaveResult {
  /** What the app last passed to `pages.config.setConfig`, or null if it never did. */
  readonly config: TabInstanceConfig | null;
  readonly outcome: 'success' | 'failure';
  readonly reason?: string;
}

export interface SimulatorSnapshot {
  readonly calls: TeamsCall[];
  readonly events: TeamsHostEvent[];
  /** Messages dropped because their origin is not in validDomains or their shape is unknown. */
  readonly ignored: { origin: string; data: unknown }[];
  readonly isValid: boolean;
  readonly config: TabInstanceConfig | null;
  readonly sharedUrl: string | null;
  readonly isSharing: boolean;
  readonly registeredHandlers: string[];
  readonly theme: TeamsTheme;
}

/** What the simulator exposes on `window.__teamsHost` for the Node side to drive. */
export interface SimulatorControl {
  snapshot(): SimulatorSnapshot;
  setTheme(theme: TeamsTheme): void;
  emit(func: string, args: unknown[]): void;
  save(timeoutMs: number): Promise<SaveResult>;
  setAuth(answer: AuthTokenAnswer): void;
  setCanShareToStage(canShare: boolean): void;
}

export const TAB_IFRAME_ID = 'cercle-tab';

/** Installs the simulator in the Teams page and creates the tab's iframe. */
export function installTeamsHostSimulator(config: SimulatorConfig): void {
  const iframeId = 'cercle-tab';
  const tabOrigin = new URL(config.url).origin;
  // Not in the app's validDomains: Teams would not load it; here it is logged and dropped.
  const isAllowedOrigin = (origin: string): boolean => {
    try {
      const url = new URL(origin);
      return url.protocol === 'https:' && config.validDomains.includes(url.hostname);
    } catch {
      return false;
    }
  };
  const sdkError = (errorCode: number, message: string) => ({ errorCode, message });
  const NOT_SUPPORTED_ON_PLATFORM = 100;
  const PERMISSION_DENIED = 1000;
  const INVALID_ARGUMENTS = 4000;

  const state = {
    calls: [] as TeamsCall[],
    events: [] as TeamsHostEvent[],
    ignored: [] as { origin: string; data: unknown }[],
    isValid: false,
    config: config.savedConfig,
    sharedUrl: null as string | null,
    isSharing: false,
    registeredHandlers: [] as string[],
    theme: config.theme,
    auth: config.auth,
    canShareToStage: config.canShareToStage,
    pendingSave: null as null | ((call: TeamsCall) => void),
  };

  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    isNAAChannelRecommended: false,
    supports: {
      appInstallDialog: {},
      pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} },
      stageView: {},
      teamsCore: {},
      ...config.supports,
    },
  };

  // The v1 context Teams sends; teams-js turns it into app.Context (app.js getContext).
  const legacyContext = () => ({
    frameContext: config.frameContext,
    theme: state.theme,
    locale: config.locale,
    appId: config.appId,
    appSessionId: '6f9ac7c4-5bb0-4f7c-9c0a-1d2e3f4a5b6c',
    appLaunchId: 'c2a0c0a5-1b1e-4f2a-8f7b-0c9d8e7f6a5b',
    hostClientType: 'web',
    hostName: 'Teams',
    sessionId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
    ringId: 'general',
    isFullScreen: false,
    isMultiWindow: false,
    userObjectId: config.user.objectId,
    tid: config.user.tenantId,
    userPrincipalName: config.user.userPrincipalName,
    loginHint: config.user.loginHint,
    userDisplayName: config.user.displayName,
    userLicenseType: config.user.licenseType,
    meetingId: config.meeting?.id,
    chatId: config.meeting?.chatId,
    entityId: config.entityId ?? state.config?.entityId,
  });

  const iframe = document.createElement('iframe');
  iframe.id = iframeId;
  iframe.title = 'Cercle';
  iframe.width = String(config.size.width);
  iframe.height = String(config.size.height);
  if (config.sandbox !== null) iframe.setAttribute('sandbox', config.sandbox);

  const post = (message: Record<string, unknown>) => {
    iframe.contentWindow?.postMessage(message, tabOrigin);
  };
  const emit = (func: string, args: unknown[]) => {
    state.events.push({ func, args, at: Date.now() });
    post({ func, args });
  };

  // Each answer is the `args` array of the response; null: the call is one-way.
  const answer = (func: string, args: unknown[]): unknown[] | null => {
    switch (func) {
      case 'initialize':
        return [config.frameContext, 'web', JSON.stringify(runtime), '2.58.0'];
      case 'getContext':
        return [legacyContext()];
      case 'registerHandler':
        if (typeof args[0] === 'string') state.registeredHandlers.push(args[0]);
        return null;
      case 'settings.setValidityState':
        state.isValid = args[0] === true;
        return null;
      case 'settings.setSettings': {
        if (config.setConfigFailure !== null) return [false, config.setConfigFailure];
        const instance = (args[0] ?? {}) as Partial<TabInstanceConfig>;
        const contentUrl = typeof instance.contentUrl === 'string' ? instance.contentUrl : '';
        if (!isAllowedOrigin(contentUrl))
          return [false, `contentUrl must be https and in validDomains: ${contentUrl}`];
        state.config = { ...instance, contentUrl };
        return [true];
      }
      case 'settings.getSettings':
        return [state.config ?? {}];
      case 'settings.save.success':
      case 'settings.save.failure':
      case 'settings.remove.success':
      case 'settings.remove.failure':
      case 'appInitialization.appLoaded':
      case 'appInitialization.success':
      case 'appInitialization.failure':
      case 'appInitialization.expectedFailure':
      case 'readyToUnload':
        return null;
      case 'authentication.getAuthToken':
        return 'token' in state.auth ? [true, state.auth.token] : [false, state.auth.failure];
      case 'meeting.getAppContentStageSharingCapabilities':
        return [null, { doesAppHaveSharePermission: state.canShareToStage }];
      case 'meeting.shareAppContentToStage': {
        const url = typeof args[0] === 'string' ? args[0] : '';
        if (!state.canShareToStage)
          return [sdkError(PERMISSION_DENIED, 'Only organisers and presenters can share'), null];
        if (!isAllowedOrigin(url))
          return [sdkError(INVALID_ARGUMENTS, `The URL is not in validDomains: ${url}`), null];
        if (config.shareToStageFailure !== null)
          return [sdkError(NOT_SUPPORTED_ON_PLATFORM, config.shareToStageFailure), null];
        state.sharedUrl = url;
        state.isSharing = true;
        return [null, true];
      }
      case 'meeting.getAppContentStageSharingState':
        return [null, { isAppSharing: state.isSharing }];
      case 'meeting.stopSharingAppContentToStage':
        state.isSharing = false;
        return [null, true];
      default:
        return [sdkError(NOT_SUPPORTED_ON_PLATFORM, `${func} is not supported by the simulator`)];
    }
  };

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow) return;
    const data = event.data as Record<string, unknown> | null;
    if (!isAllowedOrigin(event.origin) || !data || typeof data.func !== 'string') {
      state.ignored.push({ origin: event.origin, data });
      return;
    }
    const func = data.func;
    const args = Array.isArray(data.args) ? (data.args as unknown[]) : [];
    const id = typeof data.id === 'number' ? data.id : null;
    const uuid = typeof data.uuidAsString === 'string' ? data.uuidAsString : null;
    const reply = answer(func, args);
    const call: TeamsCall = {
      seq: state.calls.length + 1,
      func,
      args,
      id,
      uuid,
      apiVersionTag: typeof data.apiVersionTag === 'string' ? data.apiVersionTag : null,
      origin: event.origin,
      at: Date.now(),
      reply,
    };
    state.calls.push(call);
    if (reply !== null && id !== null) {
      (event.source as Window).postMessage({ id, uuidAsString: uuid, args: reply }, event.origin);
    }
    if (state.pendingSave && (func === 'settings.save.success' || func === 'settings.save.failure'))
      state.pendingSave(call);
  });

  const control: SimulatorControl = {
    snapshot: () => ({
      calls: state.calls,
      events: state.events,
      ignored: state.ignored,
      isValid: state.isValid,
      config: state.config,
      sharedUrl: state.sharedUrl,
      isSharing: state.isSharing,
      registeredHandlers: state.registeredHandlers,
      theme: state.theme,
    }),
    setTheme(theme) {
      state.theme = theme;
      emit('themeChange', [theme]);
    },
    emit,
    save(timeoutMs) {
      // Teams keeps its Save button disabled until the page declares itself valid.
      if (!state.isValid)
        return Promise.reject(
          new Error(
            'Save is disabled: the page has not called pages.config.setValidityState(true)',
          ),
        );
      if (state.pendingSave) return Promise.reject(new Error('A save is already in progress'));
      return new Promise<SaveResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          state.pendingSave = null;
          reject(new Error(`The page answered settings.save neither way in ${timeoutMs} ms`));
        }, timeoutMs);
        state.pendingSave = (call) => {
          clearTimeout(timer);
          state.pendingSave = null;
          if (call.func === 'settings.save.success')
            resolve({ config: state.config, outcome: 'success' });
          else
            resolve({
              config: state.config,
              outcome: 'failure',
              ...(typeof call.args[0] === 'string' ? { reason: call.args[0] } : {}),
            });
        };
        emit('settings.save', [{}]);
      });
    },
    setAuth(auth) {
      state.auth = auth;
    },
    setCanShareToStage(canShare) {
      state.canShareToStage = canShare;
    },
  };
  (window as unknown as Record<string, SimulatorControl>).__teamsHost = control;

  const container = document.getElementById('app-frame-host') ?? document.body;
  iframe.src = config.url;
  container.appendChild(iframe);
}
