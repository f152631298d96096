import { type Command, findPerson, type SessionView } from '@cercle/domain';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useI18n, withPageMessages } from '../i18n/i18n.tsx';
import type { ConnectionStatus, Notice } from '../sync/syncClient.ts';
import { useCuesOn } from '../ui/cues.ts';
import type { Announcement } from './announcer.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { canSend } from './canSend.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LiveAnnouncer } from './LiveAnnouncer.tsx';
import { NotesPane } from './NotesPane.tsx';
import { Notices } from './Notices.tsx';
import { Roster } from './Roster.tsx';
import { SessionPlanLine } from './SessionPlanLine.tsx';
import { StageCard } from './StageCard.tsx';
import { StageList } from './StageList.tsx';
import { TimerDisplay } from './TimerDisplay.tsx';

export interface SessionPanelProps {
  readonly view: SessionView;
  readonly myId: string;
  readonly status: ConnectionStatus;
  readonly pendingCount: number;
  readonly notices: readonly Notice[];
  /** The server's time now: the clocks read it at their own tick, the panel never does. */
  readonly serverNow: () => number;
  readonly send: (command: Command) => void;
  readonly dismissNotice: (id: number) => void;
  /** The person's seat, for what goes through HTTP: exports, the next session, the cycle. */
  readonly token: string;
  /** Host-specific actions for the facilitator (e.g. inviting a Zoom meeting). */
  readonly facilitatorExtras?: ReactNode;
}

/** How long the timer pulses once time is up. */
export const CUE_PULSE_MS = 4000;

// The method's cards come after the stage and timer: loading them apart keeps first paint fast.
const loadStageContent = withPageMessages(() =>
  import('./content/StageContent.tsx').then((module) => ({ default: module.StageContent })),
);
const StageContent = lazy(loadStageContent);

/**
 * Fetches the cards while the socket is still greeting, rather than once the stage is on screen:
 * their code is then run in time the panel spends waiting, not between the stage and its paint.
 */
export function preloadStageContent(): void {
  void loadStageContent().catch(() => undefined);
}
// Shown once a session is over and the next one opened: rare, so it loads apart too.
const NextSessionBanner = lazy(
  withPageMessages(() =>
    import('./content/NextSessionBanner.tsx').then((module) => ({
      default: module.NextSessionBanner,
    })),
  ),
);
// Asked for now and then: the page's strings and this card load apart from the live panel.
const OtherDeviceLink = lazy(
  withPageMessages(() =>
    import('./OtherDeviceLink.tsx').then((module) => ({ default: module.OtherDeviceLink })),
  ),
);
// Only for whoever arrives once the session is under way, and for the facilitator who welcomes them.
const loadArrivals = withPageMessages(() => import('./Arrivals.tsx'));
const LatecomerWelcome = lazy(() =>
  loadArrivals().then((module) => ({ default: module.LatecomerWelcome })),
);
const ArrivalNotice = lazy(() =>
  loadArrivals().then((module) => ({ default: module.ArrivalNotice })),
);
const loadFacilitatorTools = () => import('./facilitatorTools.ts');
const FacilitatorControls = lazy(() =>
  loadFacilitatorTools().then((module) => ({ default: module.FacilitatorControls })),
);
const FacilitatorBar = lazy(() =>
  loadFacilitatorTools().then((module) => ({ default: module.FacilitatorBar })),
);
const TimerControls = lazy(() =>
  loadFacilitatorTools().then((module) => ({ default: module.TimerControls })),
);
const SessionClockCard = lazy(() =>
  loadFacilitatorTools().then((module) => ({ default: module.SessionClockCard })),
);
const ParticipantLinkCard = lazy(() =>
  loadFacilitatorTools().then((module) => ({ default: module.ParticipantLinkCard })),
);

/** The facilitator's end-of-time cue, if this device has it on: a chime and a few pulses. */
function useTimeUpCue(isFacilitator: boolean) {
  const isCuesOn = useCuesOn();
  const [isPulsing, setIsPulsing] = useState(false);
  const pulseTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pulseTimer.current), []);
  const onAnnounce = useCallback(
    (announcement: Announcement) => {
      if (announcement.kind !== 'timeUp' || !isFacilitator || !isCuesOn) return;
      void import('../ui/chime.ts').then((module) => module.playChime()).catch(() => undefined);
      setIsPulsing(true);
      clearTimeout(pulseTimer.current);
      pulseTimer.current = setTimeout(() => setIsPulsing(false), CUE_PULSE_MS);
    },
    [isFacilitator, isCuesOn],
  );
  return { isPulsing: isPulsing && isCuesOn, onAnnounce };
}

/** The whole panel for one person, drawn from their view: what they see depends on their role. */
export function SessionPanel(props: SessionPanelProps) {
  const { view, myId, status, serverNow, send } = props;
  const { t } = useI18n();
  const me = findPerson(view, myId);
  const myRole = me?.role ?? 'consultant';
  const isFacilitator = myRole === 'facilitator';
  const cue = useTimeUpCue(isFacilitator);
  const notes = <NotesPane view={view} myId={myId} status={status} send={send} />;
  return (
    <div className={`panel panel--${myRole}`}>
      <LiveAnnouncer view={view} serverNow={serverNow} onAnnounce={cue.onAnnounce} />
      <header className="panel__header">
        <h1 className="panel__group">{view.groupName}</h1>
        <div className="panel__meta">
          <ConnectionBadge status={status} pendingCount={props.pendingCount} />
          <LanguageSwitch />
        </div>
      </header>
      <p className={`my-role my-role--${myRole}`} data-testid="my-role" data-role={myRole}>
        {t.youAre} <strong>{t.roles[myRole]}</strong>
        {me && <span className="my-role__name"> – {me.displayName}</span>}
      </p>
      <Notices notices={props.notices} dismiss={props.dismissNotice} />
      {/* Mounted before the start too: whoever is there then is not a latecomer. */}
      {view.lifecycle !== 'ended' && (
        <Suspense fallback={null}>
          {isFacilitator ? (
            <ArrivalNotice view={view} myId={myId} />
          ) : (
            <LatecomerWelcome view={view} myId={myId} />
          )}
        </Suspense>
      )}
      <SessionPlanLine view={view} />
      {view.nextSessionId && (
        <Suspense fallback={null}>
          <NextSessionBanner view={view} token={props.token} />
        </Suspense>
      )}
      {view.lifecycle === 'ended' && (
        <p className="card ended" data-testid="ended">
          {t.ended}
        </p>
      )}
      <StageCard view={view} myRole={myRole}>
        <TimerDisplay timer={view.timer} serverNow={serverNow} isPulsing={cue.isPulsing} />
        {canSend(view, myId, 'adjustTimer') && (
          <Suspense fallback={null}>
            <TimerControls view={view} myId={myId} send={send} />
          </Suspense>
        )}
      </StageCard>
      {isFacilitator && view.lifecycle !== 'ended' && (
        <Suspense fallback={null}>
          <FacilitatorBar view={view} myId={myId} serverNow={serverNow} send={send} />
        </Suspense>
      )}
      {/* The stage's cards and one's own notes: the second column on a wide screen. */}
      <div className="panel__work" data-testid="stage-cards">
        <Suspense fallback={null}>
          <StageContent
            key={`${view.currentStageIndex}:${view.lifecycle}`}
            view={view}
            myId={myId}
            send={send}
            token={props.token}
          />
        </Suspense>
        {notes}
      </div>
      {/* The facilitator's own tools (settings, shortcuts, host extras); each control in them asks
          the domain whether it may be used now. */}
      {isFacilitator && (
        <Suspense fallback={null}>
          <FacilitatorControls view={view} myId={myId} send={send}>
            {props.facilitatorExtras}
          </FacilitatorControls>
          <SessionClockCard view={view} myId={myId} serverNow={serverNow} send={send} />
          <ParticipantLinkCard sessionId={view.id} token={props.token} />
        </Suspense>
      )}
      <StageList view={view} myId={myId} send={send} />
      <Roster view={view} myId={myId} isFacilitator={isFacilitator} send={send} />
      <Suspense fallback={null}>
        <OtherDeviceLink sessionId={view.id} token={props.token} />
      </Suspense>
    </div>
  );
}
