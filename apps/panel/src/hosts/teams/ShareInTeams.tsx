import { teamsSettingsResponseSchema } from '@cercle/protocol';
import { useEffect, useState } from 'react';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { meetingShareLink } from './meetingShareLink.ts';
import { teamsStageUrl } from './teamsStageUrl.ts';

/**
 * In a plain browser, the facilitator can put the session on a Teams meeting's stage with Teams'
 * documented deep link, when the server knows Cercle's Teams app id.
 */
export function ShareInTeams({ sessionId, token }: { sessionId: string; token: string }) {
  const pages = usePageMessages();
  const [appId, setAppId] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'opened' | 'failed'>('idle');

  useEffect(() => {
    void fetch('/api/teams/settings')
      .then((response) => response.json())
      .then((json: unknown) => {
        const parsed = teamsSettingsResponseSchema.safeParse(json);
        if (parsed.success) setAppId(parsed.data.appId);
      })
      .catch(() => undefined);
  }, []);

  if (!appId) return null;
  const share = async () => {
    setState('busy');
    // Opened at once, so the browser does not take it for an unasked pop-up; filled in after.
    const opened = window.open('about:blank', '_blank');
    const url = await teamsStageUrl(sessionId, token);
    if (!url || !opened) {
      opened?.close();
      setState('failed');
      return;
    }
    opened.location.href = meetingShareLink({ appId, url, deeplinkId: crypto.randomUUID() });
    setState('opened');
  };
  return (
    <div data-testid="share-in-teams">
      <button
        type="button"
        className="wide"
        disabled={state === 'busy'}
        onClick={() => void share()}
      >
        {pages.teams.shareInMeeting}
      </button>
      {state === 'opened' && (
        <p className="notice" role="status">
          {pages.teams.shareInMeetingOpened}
        </p>
      )}
      {state === 'failed' && (
        <p className="error" role="alert">
          {pages.teams.shareInMeetingFailed}
        </p>
      )}
    </div>
  );
}
