import { hostEnterResponseSchema, teamsSettingsResponseSchema } from '@cercle/protocol';
import { useEffect, useMemo, useState } from 'react';
import { App } from '../../App.tsx';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { postJson } from '../../ui/api.ts';
import { type HostFeatures, HostFeaturesProvider } from '../hostFeatures.tsx';
import { TeamsConfigPage } from './TeamsConfigPage.tsx';
import { applyTheme, connectTeams, type TeamsHost, type TeamsSdkLike } from './teamsClient.ts';

function ShareToStageButton({ sdk, sessionId }: { sdk: TeamsSdkLike; sessionId: string }) {
  const pages = usePageMessages();
  const [state, setState] = useState<'idle' | 'shared' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="wide"
        onClick={() =>
          sdk.meeting.shareAppContentToStage(
            (error) => setState(error ? 'failed' : 'shared'),
            `${location.origin}/s/${sessionId}?host=teams&view=stage`,
          )
        }
      >
        {state === 'shared' ? pages.teams.shared : pages.teams.shareToStage}
      </button>
      {state === 'failed' && <p className="error">{pages.teams.shareFailed}</p>}
    </>
  );
}

async function fetchSso(): Promise<boolean> {
  try {
    const response = await fetch('/api/teams/settings');
    const parsed = teamsSettingsResponseSchema.safeParse(await response.json());
    return parsed.success && parsed.data.sso;
  } catch {
    return false;
  }
}

/** The panel inside Teams: connects to the host, follows its theme and language, then routes by frame. */
export function TeamsApp() {
  const { setLocale } = useI18n();
  const pages = usePageMessages();
  const [host, setHost] = useState<TeamsHost | null | 'connecting'>('connecting');
  const [sso, setSso] = useState(false);

  useEffect(() => {
    void Promise.all([connectTeams(), fetchSso()]).then(([connected, isSso]) => {
      setSso(isSso);
      setHost(connected);
      if (!connected) return;
      applyTheme(connected.theme);
      connected.sdk.app.registerOnThemeChangeHandler(applyTheme);
      if (connected.locale)
        setLocale(connected.locale.toLowerCase().startsWith('en') ? 'en' : 'fr');
    });
  }, [setLocale]);

  const features = useMemo<HostFeatures>(() => {
    if (!host || host === 'connecting') return {};
    const { sdk } = host;
    return {
      facilitatorExtras: (sessionId) => <ShareToStageButton sdk={sdk} sessionId={sessionId} />,
      ...(sso
        ? {
            enter: async (sessionId: string) => {
              try {
                const ssoToken = await sdk.authentication.getAuthToken();
                const result = await postJson(
                  '/api/teams/enter',
                  { sessionId, ssoToken },
                  hostEnterResponseSchema,
                );
                return result.ok ? result.value : null;
              } catch {
                return null;
              }
            },
          }
        : { joinNotice: pages.teams.noSso }),
    };
  }, [host, sso, pages.teams.noSso]);

  if (host === 'connecting')
    return (
      <main className="page">
        <p className="loading" role="status">
          {pages.teams.connecting}
        </p>
      </main>
    );
  // Not in Teams after all: the plain browser panel.
  if (!host) return <App />;
  if (host.frameContext === 'settings') return <TeamsConfigPage sdk={host.sdk} />;
  return (
    <HostFeaturesProvider value={features}>
      <App />
    </HostFeaturesProvider>
  );
}
