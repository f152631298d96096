import { type Command, findPerson, type SessionView } from '@cercle/domain';
import { lazy, type ReactNode, Suspense } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { ConnectionStatus, Notice } from '../sync/syncClient.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { NextSessionBanner } from './content/NextSessionBanner.tsx';
import { FacilitatorControls } from './FacilitatorControls.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotesPane } from './NotesPane.tsx';
import { Notices } from './Notices.tsx';
import { Roster } from './Roster.tsx';
import { SessionClockCard } from './SessionClockCard.tsx';
import { StageCard } from './StageCard.tsx';
import { StageList } from './StageList.tsx';
import { TimerControls } from './TimerControls.tsx';
import { TimerDisplay } from './TimerDisplay.tsx';

export interface SessionPanelProps {
  readonly view: SessionView;
  readonly myId: string;
  readonly status: ConnectionStatus;
  readonly pendingCount: number;
  readonly notices: readonly Notice[];
  readonly serverNow: number;
  readonly send: (command: Command) => void;
  readonly dismissNotice: (id: number) => void;
  /** The person's seat, for what goes through HTTP: exports, the next session, the cycle. */
  readonly token: string;
  /** Host-specific actions for the facilitator (e.g. inviting a Zoom meeting). */
  readonly facilitatorExtras?: ReactNode;
}

// The method's cards come after the stage and timer: loading them apart keeps first paint fast.
const StageContent = lazy(() =>
  import('./content/StageContent.tsx').then((module) => ({ default: module.StageContent })),
);

/** The whole panel for one person, drawn from their view: what they see depends on their role. */
export function SessionPanel(props: SessionPanelProps) {
  const { view, myId, status, serverNow, send } = props;
  const { t } = useI18n();
  const me = findPerson(view, myId);
  const myRole = me?.role ?? 'consultant';
  const isFacilitator = myRole === 'facilitator';
  const notes = <NotesPane view={view} myId={myId} status={status} send={send} />;
  return (
    <div className={`panel panel--${myRole}`}>
      <header className="panel__header">
        <h1 className="panel__group">{view.groupName}</h1>
        <div className="panel__meta">
          <ConnectionBadge status={status} pendingCount={props.pendingCount} />
          <LanguageSwitch />
        </div>
      </header>
      <p className={`my-role my-role--${myRole}`} data-testid="my-role" data-role={myRole}>
        {t.youAre} <strong>{t.roles[myRole]}</strong>
        {me && <span className="my-role__name"> · {me.displayName}</span>}
      </p>
      <Notices notices={props.notices} dismiss={props.dismissNotice} />
      <NextSessionBanner view={view} token={props.token} />
      {view.lifecycle === 'ended' && (
        <p className="card ended" data-testid="ended">
          {t.ended}
        </p>
      )}
      <StageCard view={view} myRole={myRole}>
        <TimerDisplay timer={view.timer} serverNow={serverNow} />
        {isFacilitator && view.lifecycle === 'live' && (
          <TimerControls timer={view.timer} send={send} />
        )}
      </StageCard>
      <Suspense fallback={null}>
        <StageContent
          key={`${view.currentStageIndex}:${view.lifecycle}`}
          view={view}
          myId={myId}
          send={send}
          token={props.token}
        />
      </Suspense>
      {isFacilitator && (
        <FacilitatorControls view={view} send={send}>
          {props.facilitatorExtras}
        </FacilitatorControls>
      )}
      {isFacilitator && <SessionClockCard view={view} serverNow={serverNow} send={send} />}
      {myRole === 'observer' && notes}
      <StageList view={view} isFacilitator={isFacilitator} send={send} />
      <Roster view={view} myId={myId} isFacilitator={isFacilitator} send={send} />
      {myRole !== 'observer' && notes}
    </div>
  );
}
