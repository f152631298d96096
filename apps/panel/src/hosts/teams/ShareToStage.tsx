import { useCallback, useEffect, useState } from 'react';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { callMeeting, type TeamsSdkLike } from './teamsClient.ts';
import { teamsStageUrl } from './teamsStageUrl.ts';

type Sharing =
  | { readonly name: 'checking' }
  | { readonly name: 'notAllowed' }
  | { readonly name: 'idle' | 'busy' | 'sharing' };

/**
 * Shows the session on the meeting stage, the documented way: only when Teams says this person
 * may share, following whether the app is being shared, with a way to stop, and a message for
 * every refusal.
 */
export function ShareToStage({
  sdk,
  sessionId,
  token,
}: {
  sdk: TeamsSdkLike;
  sessionId: string;
  token: string;
}) {
  const pages = usePageMessages();
  const [sharing, setSharing] = useState<Sharing>({ name: 'checking' });
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const state = await callMeeting<{ isAppSharing: boolean }>((done) =>
      sdk.meeting.getAppContentStageSharingState(done),
    ).catch(() => ({ isAppSharing: false }));
    setSharing({ name: state.isAppSharing ? 'sharing' : 'idle' });
  }, [sdk]);

  useEffect(() => {
    void callMeeting<{ doesAppHaveSharePermission: boolean }>((done) =>
      sdk.meeting.getAppContentStageSharingCapabilities(done),
    )
      .then((capabilities) =>
        capabilities.doesAppHaveSharePermission ? refresh() : setSharing({ name: 'notAllowed' }),
      )
      .catch(() => setSharing({ name: 'notAllowed' }));
  }, [sdk, refresh]);

  const share = async () => {
    setError(null);
    setSharing({ name: 'busy' });
    const url = await teamsStageUrl(sessionId, token);
    if (!url) {
      setError(pages.teams.stageLinkFailed);
      setSharing({ name: 'idle' });
      return;
    }
    try {
      await callMeeting<boolean>((done) => sdk.meeting.shareAppContentToStage(done, url));
      setSharing({ name: 'sharing' });
    } catch {
      setError(pages.teams.shareFailed);
      await refresh();
    }
  };

  const stop = async () => {
    setError(null);
    setSharing({ name: 'busy' });
    try {
      await callMeeting<boolean>((done) => sdk.meeting.stopSharingAppContentToStage(done));
      setSharing({ name: 'idle' });
    } catch {
      setError(pages.teams.stopFailed);
      await refresh();
    }
  };

  if (sharing.name === 'checking') return null;
  if (sharing.name === 'notAllowed')
    return (
      <p className="notice" data-testid="stage-not-allowed">
        {pages.teams.shareNotAllowed}
      </p>
    );
  return (
    <div data-testid="share-to-stage" data-state={sharing.name}>
      {sharing.name === 'sharing' ? (
        <>
          <p className="notice" role="status">
            {pages.teams.shared}
          </p>
          <button type="button" className="wide" onClick={() => void stop()}>
            {pages.teams.stopSharing}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="wide"
          disabled={sharing.name === 'busy'}
          onClick={() => void share()}
        >
          {pages.teams.shareToStage}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
