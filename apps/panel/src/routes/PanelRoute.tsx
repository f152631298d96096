import { lazy, type ReactNode, Suspense, useCallback, useEffect } from 'react';
import { useHostFeatures } from '../hosts/hostFeatures.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { preloadStageContent, SessionPanel } from '../panel/SessionPanel.tsx';
import { useSync } from '../sync/useSync.ts';

// Only when the socket keeps failing before any view.
const WrongAddressHint = lazy(() =>
  import('./WrongAddressHint.tsx').then((module) => ({ default: module.WrongAddressHint })),
);
// The read-from-afar view opens only on a meeting's shared screen.
const StageView = lazy(() =>
  import('../panel/StageView.tsx').then((module) => ({ default: module.StageView })),
);

export function PanelRoute({
  sessionId,
  token,
  facilitatorExtras,
  variant = 'panel',
}: {
  sessionId: string;
  token: string;
  facilitatorExtras?: ReactNode;
  /** `stage`: the read-from-afar display for a shared screen. */
  variant?: 'panel' | 'stage';
}) {
  const { t } = useI18n();
  const { client, snapshot } = useSync(sessionId, token);
  // The clocks read the time themselves, each at its own tick: the panel re-renders only when the
  // session changes, not four times a second.
  const serverNow = useCallback(() => client.serverNow(), [client]);
  useEffect(() => {
    if (variant === 'panel') preloadStageContent();
  }, [variant]);
  const send = useCallback(
    (command: Parameters<typeof client.send>[0]) => void client.send(command),
    [client],
  );
  const dismiss = useCallback((id: number) => client.dismissNotice(id), [client]);
  // The host follows the session through this panel's connection, not one of its own.
  const { onSessionShown } = useHostFeatures();
  const { view, personId } = snapshot;
  useEffect(() => {
    if (!onSessionShown) return;
    onSessionShown(
      view && personId
        ? { sessionId, view, myId: personId, serverNow: () => client.serverNow() }
        : null,
    );
  }, [onSessionShown, sessionId, view, personId, client]);
  useEffect(() => () => onSessionShown?.(null), [onSessionShown]);
  // Erased words must not live on in a text box, to be sent back on the next keystroke: the text
  // fields start again from the erased view (the sync client has already forgotten the drafts).
  const erasures = snapshot.erasures;
  if (snapshot.failure && snapshot.status === 'failed')
    return (
      <main className="page">
        <p className="card error" role="alert" data-testid="failure">
          {t.protocolError[snapshot.failure]}
        </p>
      </main>
    );
  if (!snapshot.view || !snapshot.personId)
    return (
      <main className="page">
        <p className="loading" role="status" data-testid="connection" data-status={snapshot.status}>
          {t.connection[snapshot.status]}
        </p>
        {snapshot.status === 'reconnecting' && (
          <Suspense fallback={null}>
            <WrongAddressHint
              fragment={`${variant === 'stage' ? 'stage' : 'token'}=${encodeURIComponent(token)}`}
            />
          </Suspense>
        )}
      </main>
    );
  if (variant === 'stage')
    return (
      <main className="page page--stage">
        <Suspense fallback={null}>
          <StageView view={snapshot.view} serverNow={serverNow} />
        </Suspense>
      </main>
    );
  return (
    <main className="page page--panel">
      <SessionPanel
        key={erasures}
        view={snapshot.view}
        myId={snapshot.personId}
        status={snapshot.status}
        pendingCount={snapshot.pending.length}
        notices={snapshot.notices}
        serverNow={serverNow}
        send={send}
        dismissNotice={dismiss}
        token={token}
        facilitatorExtras={facilitatorExtras}
      />
    </main>
  );
}
