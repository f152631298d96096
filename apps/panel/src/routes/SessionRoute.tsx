import { useState } from 'react';
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
  const [initial] = useState(() => takeFragment(sessionId));
  const [token, setToken] = useState(initial.token);
  if (token) return <PanelRoute key={token} sessionId={sessionId} token={token} />;
  if (initial.joinToken)
    return <JoinPage sessionId={sessionId} joinToken={initial.joinToken} onJoined={setToken} />;
  return (
    <main className="page">
      <p className="card error" role="alert">
        {t.missingCredentials}
      </p>
    </main>
  );
}
