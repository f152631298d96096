import { useEffect, useState } from 'react';
import { useHostFeatures } from '../hosts/hostFeatures.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { loadCredentials, saveCredentials } from '../sync/credentials.ts';
import { JoinPage } from './JoinPage.tsx';
import { PanelRoute } from './PanelRoute.tsx';

/**
 * Reads the secret from the link's fragment once, keeps it on this device and takes it out of the
 * address bar, so it is neither shared by copying the URL nor kept in history.
 */
function takeFragment(sessionId: string): { token: string | null; joinToken: string | null } {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  const joinToken = params.get('join');
  if (token) saveCredentials(sessionId, { token, personId: null });
  if (token || joinToken) history.replaceState(null, '', location.pathname + location.search);
  return { token: token ?? loadCredentials(sessionId)?.token ?? null, joinToken };
}

export function SessionRoute({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const host = useHostFeatures();
  const [initial] = useState(() => takeFragment(sessionId));
  const [token, setToken] = useState(initial.token);
  const [isEntering, setIsEntering] = useState(!initial.token && Boolean(host.enter));
  const variant = new URLSearchParams(location.search).get('view') === 'stage' ? 'stage' : 'panel';

  // The host's own sign-in first (Teams SSO); the join page only if it cannot vouch.
  useEffect(() => {
    if (!isEntering || !host.enter) return;
    void host.enter(sessionId).then((entry) => {
      if (entry) {
        saveCredentials(sessionId, { token: entry.token, personId: entry.personId });
        setToken(entry.token);
      }
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
        facilitatorExtras={host.facilitatorExtras?.(sessionId)}
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
  if (initial.joinToken)
    return (
      <JoinPage
        sessionId={sessionId}
        joinToken={initial.joinToken}
        notice={host.joinNotice}
        onJoined={setToken}
      />
    );
  return (
    <main className="page">
      <p className="card error" role="alert">
        {t.missingCredentials}
      </p>
    </main>
  );
}
