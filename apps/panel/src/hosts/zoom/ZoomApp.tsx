import {
  type Boot,
  type HostEnterResponse,
  hostEnterResponseSchema,
  type ZoomGroupOption,
  zoomAppLinkResponseSchema,
  zoomSetupOptionsResponseSchema,
  zoomTicketResponseSchema,
} from '@cercle/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App } from '../../App.tsx';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { LanguageSwitch } from '../../panel/LanguageSwitch.tsx';
import { saveCredentials } from '../../sync/credentials.ts';
import { deviceStorage } from '../../ui/deviceStorage.ts';
import { memoryNavigator, setPageNavigator } from '../../ui/router.ts';
import { type HostFeatures, HostFeaturesProvider, type ShownSession } from '../hostFeatures.tsx';
import { CollaborateBar } from './CollaborateBar.tsx';
import {
  type CollaborateState,
  OUTSIDE_COLLABORATE,
  withCollaborateAction,
  withRunningContext,
} from './collaborateState.ts';
import { ZoomCues } from './ZoomCues.tsx';
import { ZoomFacilitatorTools } from './ZoomFacilitatorTools.tsx';
import { ZoomSetUp, type ZoomSetUpChoice } from './ZoomSetUp.tsx';
import { type ZoomShell, ZoomShellProvider } from './ZoomShell.tsx';
import {
  type ConnectZoomOptions,
  connectZoom,
  isMeetingContext,
  parseBreakoutChange,
  parseCollaborateChange,
  parseRunningContextChange,
  parseVisibilityChange,
  readAppContext,
  readMeetingNumber,
  readRunningContext,
  readUser,
  type ZoomConnected,
  type ZoomUser,
} from './zoomClient.ts';
import type { ZoomConnection } from './zoomConnection.ts';
import { FILE_LINKS_PATH, fileLinkResponseSchema, postZoomJson } from './zoomHttp.ts';

/** How often a panel waiting for the host asks again. */
export const ZOOM_WAIT_RETRY_MS = 4000;
/** How long the set-up waits for Zoom to name the meeting before going on without its number. */
const MEETING_NUMBER_WAIT_MS = 3000;
const GUEST_TOKEN_KEY = 'cercle:zoom:credential';

/** What the panel enters a meeting's session with: the server's word on where the person is. */
interface Seat {
  readonly ticket: string;
  readonly canSetUp: boolean;
  /** Known once the server named it (after a room change); null for the Home URL's own ticket. */
  readonly meetingId: string | null;
}

type Phase =
  | { name: 'connecting' }
  | { name: 'notInMeeting' }
  | { name: 'setUp' }
  | { name: 'waiting' }
  | { name: 'ready' }
  | { name: 'failed'; message: string | null };

type ZoomNotice = { readonly tone: 'status' | 'alert'; readonly text: string };
type NoticeTopic = 'room' | 'zoom' | 'cue';

/**
 * A guest has no Zoom id: the credential this device holds is what says who they are, one per
 * meeting or breakout room. The Home URL's meeting keeps the key it always had.
 */
const guestTokenKey = (meetingId: string | null) =>
  meetingId === null ? GUEST_TOKEN_KEY : `${GUEST_TOKEN_KEY}:${meetingId}`;

function ZoomNotices({
  notices,
  dismiss,
}: {
  notices: Partial<Record<NoticeTopic, ZoomNotice>>;
  dismiss: (topic: NoticeTopic) => void;
}) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const shown = (Object.entries(notices) as [NoticeTopic, ZoomNotice | undefined][]).filter(
    (entry): entry is [NoticeTopic, ZoomNotice] => entry[1] !== undefined,
  );
  if (shown.length === 0) return null;
  return (
    <aside className="page notices" aria-label={pages.zoom.notices}>
      {shown.map(([topic, notice]) => (
        <p
          key={topic}
          className="notice"
          role={notice.tone}
          data-testid={`zoom-notice-${topic}`}
          data-tone={notice.tone}
        >
          {notice.text}
          <button
            type="button"
            className="icon-button"
            aria-label={t.dismiss}
            title={t.dismiss}
            onClick={() => dismiss(topic)}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </p>
      ))}
    </aside>
  );
}

/**
 * Cercle inside a Zoom meeting: identity comes from the server-verified ticket, never from here.
 * Once in, the browser's app runs as it is, routed in memory: Zoom binds its SDK to the page URL,
 * so the URL never changes while the person moves between sessions and pages.
 */
export function ZoomApp({
  boot,
  connect = connectZoom,
}: {
  boot: Extract<Boot, { host: 'zoom' }>;
  connect?: (options: ConnectZoomOptions) => Promise<ZoomConnected>;
}) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const [navigator] = useState(() => memoryNavigator('/'));
  // Before the app renders: every `navigate()` in the panel then stays in memory.
  setPageNavigator(navigator);
  const [phase, setPhase] = useState<Phase>({ name: 'connecting' });
  const [connection, setConnection] = useState<ZoomConnection | null>(null);
  const [runningContext, setRunningContext] = useState('inMeeting');
  const [collaborate, setCollaborate] = useState<CollaborateState>(OUTSIDE_COLLABORATE);
  const [zoomUser, setZoomUser] = useState<ZoomUser | null>(null);
  // Zoom says when its panel is hidden (`onAppVisibilityChange`, client 6.4.5+); the page too.
  const [isZoomHidden, setIsZoomHidden] = useState(false);
  const [isPageHidden, setIsPageHidden] = useState(() => document.visibilityState === 'hidden');
  // The panel tells what it shows, over its own connection.
  const [watched, setWatched] = useState<ShownSession | null>(null);
  const [notices, setNotices] = useState<Partial<Record<NoticeTopic, ZoomNotice>>>({});
  // The groups the host may continue here; null while the server is asked.
  const [setUpGroups, setSetUpGroups] = useState<readonly ZoomGroupOption[] | null>(null);
  const [hasGroupsFailed, setHasGroupsFailed] = useState(false);
  const [isSettingUp, setIsSettingUp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The meeting's number, as Zoom tells the host: a recurring meeting keeps its group by it. */
  const meetingNumber = useRef<string | null>(null);
  const seat = useRef<Seat>({ ticket: boot.ticket, canSetUp: boot.canSetUp, meetingId: null });
  const user = useRef<ZoomUser | null>(null);
  // Each move (a room change) starts a new generation: answers for an older one are dropped.
  const generation = useRef(0);
  const pagesRef = useRef(pages);
  pagesRef.current = pages;

  const notify = useCallback(
    (topic: NoticeTopic, notice: ZoomNotice | null) =>
      setNotices((current) => {
        const next = { ...current };
        if (notice) next[topic] = notice;
        else delete next[topic];
        return next;
      }),
    [],
  );

  const ready = useCallback(
    (entry: HostEnterResponse, from: Seat) => {
      // Without storage a guest reloading gets a new seat, nothing worse.
      deviceStorage().setItem(guestTokenKey(from.meetingId), entry.token);
      saveCredentials(entry.sessionId, { token: entry.token, personId: entry.personId });
      navigator.push(`/s/${entry.sessionId}`);
      setPhase({ name: 'ready' });
    },
    [navigator],
  );

  /** A fresh ticket for wherever the person is now (a room, the main meeting, a later time). */
  const renewSeat = useCallback(async (zoom: ZoomConnection): Promise<Seat | null> => {
    const context = await readAppContext(zoom).catch(() => null);
    if (!context) return null;
    const result = await postZoomJson('/api/zoom/ticket', { context }, zoomTicketResponseSchema);
    if (!result.ok) return null;
    return {
      ticket: result.value.ticket,
      canSetUp: result.value.canSetUp,
      meetingId: result.value.meetingId,
    };
  }, []);

  /** Enters the seat's session; says which phase that led to, or null for a stale answer. */
  const enter = useCallback(
    async (zoom: ZoomConnection, isRetry = false): Promise<Phase['name'] | null> => {
      const at = generation.current;
      const from = seat.current;
      const person = user.current;
      if (!person) return null;
      const knownToken =
        deviceStorage().getItem(guestTokenKey(from.meetingId)) ??
        deviceStorage().getItem(guestTokenKey(null));
      const result = await postZoomJson(
        '/api/zoom/enter',
        { ticket: from.ticket, screenName: person.screenName, knownToken },
        hostEnterResponseSchema,
      );
      if (at !== generation.current) return null;
      if (result.ok) {
        ready(result.value, from);
        return 'ready';
      }
      if (result.status === 409) {
        setPhase(from.canSetUp ? { name: 'setUp' } : { name: 'waiting' });
        return from.canSetUp ? 'setUp' : 'waiting';
      }
      if (result.code === 'notInMeeting') {
        setPhase({ name: 'notInMeeting' });
        return 'notInMeeting';
      }
      // The ticket lasts minutes: someone waiting long for the host gets a new one and goes on.
      if ((result.status === 401 || result.code === 'contextExpired') && !isRetry) {
        const renewed = await renewSeat(zoom);
        if (at !== generation.current) return null;
        if (renewed) {
          seat.current = renewed;
          return enter(zoom, true);
        }
      }
      setPhase({ name: 'failed', message: result.message });
      return 'failed';
    },
    [ready, renewSeat],
  );

  /** Zoom does not reload the app between rooms: it says so, and the panel follows. */
  const changeRoom = useCallback(
    async (zoom: ZoomConnection, action: 'join' | 'leave') => {
      generation.current += 1;
      const at = generation.current;
      notify('room', { tone: 'status', text: pagesRef.current.zoom.changingRoom });
      const renewed = await renewSeat(zoom);
      if (at !== generation.current) return;
      if (!renewed)
        return notify('room', { tone: 'alert', text: pagesRef.current.zoom.roomFailed });
      seat.current = renewed;
      // A move can come before the panel first entered: it needs to know who the person is.
      user.current ??= await readUser(zoom).catch(() => null);
      if (at !== generation.current) return;
      if (!user.current)
        return notify('room', { tone: 'alert', text: pagesRef.current.zoom.roomFailed });
      const outcome = await enter(zoom);
      if (outcome === null) return;
      if (outcome === 'failed')
        return notify('room', { tone: 'alert', text: pagesRef.current.zoom.roomFailed });
      notify('room', {
        tone: 'status',
        text:
          action === 'join' ? pagesRef.current.zoom.inRoom : pagesRef.current.zoom.backInMeeting,
      });
    },
    [enter, notify, renewSeat],
  );

  useEffect(() => {
    let isCurrent = true;
    let opened: ZoomConnection | null = null;
    const onRoom = (data: unknown) => {
      const action = parseBreakoutChange(data);
      if (action && opened) void changeRoom(opened, action);
    };
    let isElsewhere = false;
    const start = async (zoom: ZoomConnection) => {
      user.current ??= await readUser(zoom);
      if (!isCurrent) return;
      setZoomUser(user.current);
      await enter(zoom);
    };
    const followContext = (context: string) => {
      setRunningContext(context);
      setCollaborate((state) => withRunningContext(state, context));
    };
    // Zoom says that Collaborate changed, not how: the running context, read again, says it.
    // `config` first: the running context may have changed before its own event arrived.
    const onCollaborate = (data: unknown) => {
      const action = parseCollaborateChange(data);
      if (!action || !opened) return;
      const zoom = opened;
      setCollaborate((state) => withCollaborateAction(state, action));
      zoom
        .configure()
        .then(() => readRunningContext(zoom))
        .then(
          (context) => isCurrent && followContext(context),
          () => undefined,
        );
    };
    const onVisibility = (data: unknown) => {
      const visible = parseVisibilityChange(data);
      if (visible !== null) setIsZoomHidden(!visible);
    };
    const onRunningContext = (data: unknown) => {
      const context = parseRunningContextChange(data);
      if (!context || !opened) return;
      followContext(context);
      if (!isMeetingContext(context)) {
        // Whatever was under way belonged to the meeting the panel has left.
        generation.current += 1;
        isElsewhere = true;
        return setPhase({ name: 'notInMeeting' });
      }
      if (!isElsewhere) return;
      isElsewhere = false;
      start(opened).catch(() => setPhase({ name: 'failed', message: null }));
    };
    connect({
      onRefreshFailed: () =>
        notify('zoom', { tone: 'alert', text: pagesRef.current.zoom.connectionLost }),
    })
      .then(async ({ connection: zoom, runningContext }) => {
        if (!isCurrent) return zoom.close();
        opened = zoom;
        setConnection(zoom);
        zoom.sdk.addEventListener('onBreakoutRoomChange', onRoom);
        zoom.sdk.addEventListener('onRunningContextChange', onRunningContext);
        zoom.sdk.addEventListener('onCollaborateChange', onCollaborate);
        zoom.sdk.addEventListener('onAppVisibilityChange', onVisibility);
        followContext(runningContext);
        if (!isMeetingContext(runningContext)) {
          isElsewhere = true;
          return setPhase({ name: 'notInMeeting' });
        }
        await start(zoom);
      })
      .catch(() => {
        if (isCurrent) setPhase({ name: 'failed', message: null });
      });
    return () => {
      isCurrent = false;
      if (!opened) return;
      opened.sdk.removeEventListener('onBreakoutRoomChange', onRoom);
      opened.sdk.removeEventListener('onRunningContextChange', onRunningContext);
      opened.sdk.removeEventListener('onCollaborateChange', onCollaborate);
      opened.sdk.removeEventListener('onAppVisibilityChange', onVisibility);
      opened.close();
    };
  }, [connect, enter, changeRoom, notify]);

  // A host who may set the meeting up is offered the groups they facilitated, by the server.
  useEffect(() => {
    if (phase.name !== 'setUp' || !connection) return;
    let isCurrent = true;
    setSetUpGroups(null);
    setHasGroupsFailed(false);
    const load = async () => {
      // Zoom gives hosts and co-hosts the meeting's number, never guests (its SDK reference).
      const person = user.current;
      meetingNumber.current =
        person && !person.isGuest
          ? await Promise.race([
              readMeetingNumber(connection).catch(() => null),
              new Promise<null>((resolve) =>
                setTimeout(() => resolve(null), MEETING_NUMBER_WAIT_MS),
              ),
            ])
          : null;
      const result = await postZoomJson(
        '/api/zoom/setup-options',
        { ticket: seat.current.ticket, meetingNumber: meetingNumber.current },
        zoomSetupOptionsResponseSchema,
      );
      if (!isCurrent) return;
      setSetUpGroups(result.ok ? result.value.groups : []);
      setHasGroupsFailed(!result.ok);
    };
    void load();
    return () => {
      isCurrent = false;
    };
  }, [phase, connection]);

  useEffect(() => {
    if (phase.name !== 'waiting' || !connection) return;
    const timer = setTimeout(() => void enter(connection), ZOOM_WAIT_RETRY_MS);
    return () => clearTimeout(timer);
  }, [phase, connection, enter]);

  useEffect(() => {
    const onChange = () => setIsPageHidden(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  const appLinkRef = useRef<Promise<string | null> | null>(null);
  const appLink = useCallback(() => {
    appLinkRef.current ??= fetch('/api/zoom/app-link')
      .then(async (response) => {
        const parsed = zoomAppLinkResponseSchema.safeParse(
          response.ok ? await response.json() : null,
        );
        return parsed.success ? parsed.data.url : null;
      })
      .catch(() => null)
      .then((url) => {
        // A failure is asked again next time; a link, never.
        if (url === null) appLinkRef.current = null;
        return url;
      });
    return appLinkRef.current;
  }, []);

  const refreshUser = useCallback(async () => {
    if (!connection) return null;
    const fresh = await readUser(connection).catch(() => null);
    if (fresh) {
      user.current = fresh;
      setZoomUser(fresh);
    }
    return fresh ?? user.current;
  }, [connection]);

  const shell = useMemo<ZoomShell | null>(
    () =>
      connection && {
        connection,
        user: zoomUser,
        runningContext,
        collaborate,
        watched,
        appLink,
        refreshUser,
      },
    [connection, zoomUser, runningContext, collaborate, watched, appLink, refreshUser],
  );

  const onCueFailed = useCallback(
    () => notify('cue', { tone: 'alert', text: pagesRef.current.zoom.cueFailed }),
    [notify],
  );

  const features = useMemo<HostFeatures>(() => {
    if (!connection) return {};
    return {
      onSessionShown: setWatched,
      facilitatorExtras: () => <ZoomFacilitatorTools />,
      // Zoom's embedded browser neither saves a download nor opens a blob: the person's own
      // browser opens a short-lived address the server made for this one file.
      async openFile(file, token) {
        const link = await postZoomJson(FILE_LINKS_PATH, file, fileLinkResponseSchema, token);
        if (!link.ok) return { ok: false, message: pagesRef.current.zoom.fileLinkFailed };
        try {
          await connection.call((sdk) => sdk.openUrl({ url: link.value.url }));
          return { ok: true, message: pagesRef.current.zoom.fileOpened };
        } catch {
          return { ok: false, message: pagesRef.current.zoom.fileOpenFailed };
        }
      },
    };
  }, [connection]);

  const dismiss = useCallback((topic: NoticeTopic) => notify(topic, null), [notify]);

  if (phase.name === 'ready')
    return (
      <ZoomShellProvider value={shell}>
        <HostFeaturesProvider value={features}>
          <ZoomNotices notices={notices} dismiss={dismiss} />
          {shell && <CollaborateBar shell={shell} />}
          {shell && (
            <ZoomCues
              shell={shell}
              isHidden={isZoomHidden || isPageHidden}
              onFailed={onCueFailed}
            />
          )}
          <App />
        </HostFeaturesProvider>
      </ZoomShellProvider>
    );

  const setUp = async (choice: ZoomSetUpChoice) => {
    const person = user.current;
    if (!person || !connection) return;
    setError(null);
    setIsSettingUp(true);
    const post = (held: Seat) => {
      const common = {
        ticket: held.ticket,
        screenName: person.screenName,
        templateKey: choice.templateKey,
        meetingNumber: meetingNumber.current,
      };
      return choice.kind === 'group'
        ? postZoomJson(
            '/api/zoom/group-sessions',
            { ...common, groupId: choice.group.groupId },
            hostEnterResponseSchema,
          )
        : postZoomJson(
            '/api/zoom/sessions',
            { ...common, groupName: choice.groupName },
            hostEnterResponseSchema,
          );
    };
    let from = seat.current;
    let result = await post(from);
    // The ticket lasts minutes: a host who took their time choosing gets a new one and goes on.
    if (!result.ok && result.status === 401) {
      const renewed = await renewSeat(connection);
      if (renewed) {
        seat.current = renewed;
        from = renewed;
        result = await post(renewed);
      }
    }
    setIsSettingUp(false);
    if (result.ok) return ready(result.value, from);
    // Someone else set it up a moment ago: join theirs.
    if (result.status === 409) return void enter(connection);
    setError(
      choice.kind === 'group' && result.status === 403
        ? pages.zoom.groups.refused
        : (result.message ?? t.errors.network),
    );
  };

  return (
    <main className="page page--form">
      <header className="panel__header">
        <h1 className="brand">◯ {t.appName}</h1>
        <LanguageSwitch />
      </header>
      <ZoomNotices notices={notices} dismiss={dismiss} />
      {phase.name === 'connecting' && (
        <p className="loading" role="status">
          {pages.zoom.connecting}
        </p>
      )}
      {phase.name === 'notInMeeting' && (
        <p className="card" role="status" data-testid="zoom-not-in-meeting">
          {pages.zoom.notInMeeting}
        </p>
      )}
      {phase.name === 'waiting' && (
        <p className="card" role="status" data-testid="zoom-waiting">
          {pages.zoom.waiting}
        </p>
      )}
      {phase.name === 'failed' && (
        <p className="card error" role="alert">
          {phase.message ?? pages.zoom.failed}
        </p>
      )}
      {phase.name === 'setUp' && (
        <ZoomSetUp
          groups={setUpGroups}
          hasGroupsFailed={hasGroupsFailed}
          error={error}
          isBusy={isSettingUp}
          onSetUp={(choice) => void setUp(choice)}
        />
      )}
    </main>
  );
}
