import { lazy, Suspense, useEffect, useState } from 'react';
import { useHostFeatures } from '../hosts/hostFeatures.tsx';
import { useI18n, withPageMessages } from '../i18n/i18n.tsx';
import {
  loadCredentials,
  loadStageToken,
  saveCredentials,
  saveStageToken,
} from '../sync/credentials.ts';
import { deviceStorage } from '../ui/deviceStorage.ts';
import { JoinPage } from './JoinPage.tsx';
import { PanelRoute } from './PanelRoute.tsx';

// In a plain browser the facilitator may put the session on a Teams meeting's stage.
const ShareInTeams = lazy(
  withPageMessages(() =>
    import('../hosts/teams/ShareInTeams.tsx').then((module) => ({ default: module.ShareInTeams })),
  ),
);

interface Fragment {
  readonly token: string | null;
  readonly joinToken: string | null;
  readonly stageToken: string | null;
}

/**
 * Reads the secrets from the link's fragment once, keeps them on this device and takes them out of
 * the address bar, so they are neither shared by copying the URL nor kept in history.
 */
function takeFragment(sessionId: string): Fragment {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  const joinToken = params.get('join');
  const stageToken = params.get('stage');
  if (token) saveCredentials(sessionId, { token, personId: null });
  if (stageToken) saveStageToken(sessionId, stageToken);
  if (token || joinToken || stageToken)
    history.replaceState(null, '', location.pathname + location.search);
  return {
    token: token ?? loadCredentials(sessionId)?.token ?? null,
    joinToken,
    stageToken: stageToken ?? loadStageToken(sessionId),
  };
}

export function SessionRoute({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const host = useHostFeatures();
  const [initial] = useState(() => takeFragment(sessionId));
  const variant =
    host.variant ??
    (new URLSearchParams(location.search).get('view') === 'stage' ? 'stage' : 'panel');
  // A shared screen reads with the stage capability: it takes nobody's seat.
  const isStage = variant === 'stage';
  const [token, setToken] = useState(
    isStage ? (initial.stageToken ?? initial.token) : initial.token,
  );
  const [isEntering, setIsEntering] = useState(!isStage && !initial.token && Boolean(host.enter));
  const [enterNotice, setEnterNotice] = useState<string | null>(null);

  // The host's own sign-in first (Teams SSO); the join page only if it cannot vouch.
  useEffect(() => {
    if (!isEntering || !host.enter) return;
    void host.enter(sessionId).then((entry) => {
      if ('token' in entry) {
        saveCredentials(sessionId, { token: entry.token, personId: entry.personId });
        setToken(entry.token);
      } else setEnterNotice(entry.notice);
      setIsEntering(false);
    });
  }, [isEntering, host, sessionId]);

  if (token)
    return (
      <PanelRoute
        key={token}
        sessionId={sessionId}
        token={token}
        variant={variant}
        facilitatorExtras={
          host.facilitatorExtras?.(sessionId, token) ??
          // A host frames its tabs; only a top-level page is a plain browser.
          (window.parent === window && !isStage ? (
            <Suspense fallback={null}>
              <ShareInTeams sessionId={sessionId} token={token} />
            </Suspense>
          ) : undefined)
        }
      />
    );
  if (isEntering)
    return (
      <main className="page">
        <p className="loading" role="status">
          {t.connection.connecting}
        </p>
      </main>
    );
  if (isStage)
    return (
      <main className="page">
        <p className="card error" role="alert" data-testid="stage-no-access">
          {t.stageNoAccess}
        </p>
      </main>
    );
  const notices = [
    enterNotice ?? host.joinNotice,
    deviceStorage().isPersistent ? undefined : t.join.storageRefused,
  ].filter((notice): notice is string => Boolean(notice));
  if (initial.joinToken)
    return (
      <JoinPage
        sessionId={sessionId}
        joinToken={initial.joinToken}
        notices={notices}
        onJoined={setToken}
      />
    );
  return (
    <main className="page">
      <p className="card error" role="alert">
        {t.missingCredentials}
      </p>
      {notices.map((notice) => (
        <p key={notice} className="card notice" data-testid="join-notice">
          {notice}
        </p>
      ))}
    </main>
  );
}
