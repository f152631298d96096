import { hostEnterResponseSchema, teamsSettingsResponseSchema } from '@cercle/protocol';
import { useEffect, useMemo, useState } from 'react';
import { App } from '../../App.tsx';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { postJson } from '../../ui/api.ts';
import { type HostFeatures, HostFeaturesProvider } from '../hostFeatures.tsx';
import { ShareToStage } from './ShareToStage.tsx';
import { TeamsConfigPage } from './TeamsConfigPage.tsx';
import {
  applyTheme,
  connectTeams,
  framingOf,
  loadTeamsSdk,
  TEAMS_SLOW_NOTICE_MS,
  TEAMS_UNSURE_WAIT_MS,
  type TeamsHost,
} from './teamsClient.ts';

async function fetchSso(): Promise<boolean> {
  try {
    const response = await fetch('/api/teams/settings');
    const parsed = teamsSettingsResponseSchema.safeParse(await response.json());
    return parsed.success && parsed.data.sso;
  } catch {
    return false;
  }
}

/** `browser`: not in Teams, for now — a late answer from Teams still turns the page into the tab. */
type Connection = TeamsHost | 'connecting' | 'slow' | 'browser';

/**
 * The panel inside Teams: decides at once whether it can be in Teams (a tab is always framed), then
 * waits for Teams as long as Teams itself would, follows its theme and language, and routes by the
 * frame Teams opened it in.
 */
export function TeamsApp() {
  const { setLocale } = useI18n();
  const pages = usePageMessages();
  const [framing] = useState(() => framingOf());
  const [host, setHost] = useState<Connection>(framing === 'top' ? 'browser' : 'connecting');
  const [sso, setSso] = useState(false);

  useEffect(() => {
    // Teams never opens a tab outside a frame: a top-level page is a browser, at once.
    if (framing === 'top') return;
    let isLive = true;
    const waited = setTimeout(
      () => {
        if (isLive)
          setHost((now) =>
            now === 'connecting' ? (framing === 'teams' ? 'slow' : 'browser') : now,
          );
      },
      framing === 'teams' ? TEAMS_SLOW_NOTICE_MS : TEAMS_UNSURE_WAIT_MS,
    );
    void Promise.all([loadTeamsSdk().then(connectTeams), fetchSso()])
      .then(([connected, isSso]) => {
        if (!isLive) return;
        setSso(isSso);
        setHost(connected);
        applyTheme(connected.theme);
        connected.sdk.app.registerOnThemeChangeHandler(applyTheme);
        if (connected.locale)
          setLocale(connected.locale.toLowerCase().startsWith('en') ? 'en' : 'fr');
      })
      .catch(() => {
        if (isLive) setHost('browser');
      })
      .finally(() => clearTimeout(waited));
    return () => {
      isLive = false;
      clearTimeout(waited);
    };
  }, [framing, setLocale]);

  const features = useMemo<HostFeatures>(() => {
    if (typeof host === 'string') return {};
    const { sdk, meetingId, isAnonymous, frameContext } = host;
    const enter: HostFeatures['enter'] = async (sessionId) => {
      if (!meetingId) return { notice: pages.teams.noMeeting };
      try {
        const ssoToken = await sdk.authentication.getAuthToken();
        const result = await postJson(
          '/api/teams/enter',
          { meetingId, sessionId, ssoToken },
          hostEnterResponseSchema,
        );
        if (result.ok) return result.value;
        // 403: the session is another meeting's; 404: this meeting has none, so the tab is not its.
        return {
          notice:
            result.status === 403 || result.status === 404
              ? pages.teams.otherMeeting
              : pages.teams.ssoFailed,
        };
      } catch {
        return { notice: pages.teams.ssoFailed };
      }
    };
    return {
      ...(frameContext === 'meetingStage' ? { variant: 'stage' as const } : {}),
      // Teams lets a tab share to the stage from the side panel only.
      ...(frameContext === 'sidePanel'
        ? {
            facilitatorExtras: (sessionId: string, token: string) => (
              <ShareToStage sdk={sdk} sessionId={sessionId} token={token} />
            ),
          }
        : {}),
      // Anonymous guests never get a token from Teams: they join by name, and are told why.
      ...(isAnonymous
        ? { joinNotice: pages.teams.guest }
        : sso
          ? { enter }
          : { joinNotice: pages.teams.noSso }),
    };
  }, [host, sso, pages.teams]);

  if (host === 'connecting' || host === 'slow')
    return (
      <main className="page">
        <p className="loading" role="status" data-testid="teams-connecting">
          {host === 'slow' ? pages.teams.slow : pages.teams.connecting}
        </p>
      </main>
    );
  if (host === 'browser') return <App />;
  if (host.frameContext === 'settings') return <TeamsConfigPage host={host} sso={sso} />;
  return (
    <HostFeaturesProvider value={features}>
      <App />
    </HostFeaturesProvider>
  );
}
