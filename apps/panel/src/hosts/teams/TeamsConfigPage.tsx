import { TEMPLATES } from '@cercle/domain';
import { teamsSetupResponseSchema } from '@cercle/protocol';
import { useEffect, useRef, useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { SessionSetupFields } from '../../routes/SessionSetupFields.tsx';
import { saveCredentials } from '../../sync/credentials.ts';
import { postJson } from '../../ui/api.ts';
import { useDraft } from '../../ui/useDraft.ts';
import type { TeamsHost } from './teamsClient.ts';

type SavedConfig = { contentUrl: string; websiteUrl?: string; entityId: string };

/** The tab's saved configuration, when it points at a Cercle session of this server. */
function existingConfig(config: {
  contentUrl?: string;
  websiteUrl?: string;
  entityId?: string;
}): SavedConfig | null {
  if (!config.contentUrl || !config.entityId) return null;
  try {
    if (new URL(config.contentUrl).origin !== location.origin) return null;
  } catch {
    return null;
  }
  return {
    contentUrl: config.contentUrl,
    entityId: config.entityId,
    ...(config.websiteUrl ? { websiteUrl: config.websiteUrl } : {}),
  };
}

/**
 * The tab's configuration page: whoever configures Cercle in a meeting sets up the meeting's one
 * session and facilitates it; the saved tab points every participant at it. Reconfiguring keeps
 * the session the tab already has.
 */
export function TeamsConfigPage({ host, sso }: { host: TeamsHost; sso: boolean }) {
  const { sdk, meetingId } = host;
  const { t } = useI18n();
  const pages = usePageMessages();
  const [groupName, setGroupName] = useDraft('teams:group');
  const [facilitatorName, setFacilitatorName] = useDraft('teams:name');
  const [templateKey, setTemplateKey] = useState(TEMPLATES[0]?.key ?? 'remote-2h');
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<SavedConfig | null | 'reading'>('reading');
  const isValid =
    meetingId !== null &&
    existing !== 'reading' &&
    (existing !== null || (groupName.trim().length > 0 && facilitatorName.trim().length > 0));
  // The save handler is registered once; it reads the latest values from here.
  const form = useRef({ groupName, facilitatorName, templateKey, existing });
  form.current = { groupName, facilitatorName, templateKey, existing };
  // Set up once per page: when Teams refuses to save the tab, saving again reuses the session.
  const created = useRef<SavedConfig | null>(null);

  useEffect(() => {
    sdk.pages
      .getConfig()
      .then((config) => setExisting(existingConfig(config)))
      .catch(() => setExisting(null));
  }, [sdk]);

  useEffect(() => {
    sdk.pages.config.setValidityState(isValid);
  }, [sdk, isValid]);

  useEffect(() => {
    const fail = (
      event: { notifyFailure(reason?: string): void },
      message: string,
      reason: string,
    ) => {
      setError(message);
      event.notifyFailure(reason);
    };
    sdk.pages.config.registerOnSaveHandler((event) => {
      const current = form.current;
      void (async () => {
        if (!meetingId) return fail(event, pages.teams.noMeeting, 'noMeeting');
        let config: SavedConfig;
        if (current.existing && current.existing !== 'reading') config = current.existing;
        else if (created.current) config = created.current;
        else {
          // With SSO the organiser's Teams identity holds the facilitator's seat on any device.
          const ssoToken = sso ? await sdk.authentication.getAuthToken().catch(() => null) : null;
          const result = await postJson(
            '/api/teams/sessions',
            {
              meetingId,
              groupName: current.groupName.trim(),
              templateKey: current.templateKey,
              facilitatorName: current.facilitatorName.trim(),
              ssoToken,
            },
            teamsSetupResponseSchema,
          );
          if (!result.ok)
            return fail(
              event,
              result.status === 409
                ? pages.teams.alreadySetUp
                : (result.message ?? t.errors.network),
              result.status === 409 ? 'alreadySetUp' : `HTTP ${result.status}`,
            );
          const session = result.value;
          saveCredentials(session.sessionId, { token: session.token, personId: session.personId });
          config = {
            contentUrl: session.contentUrl,
            websiteUrl: session.websiteUrl,
            entityId: session.sessionId,
          };
          created.current = config;
        }
        try {
          await sdk.pages.config.setConfig({ ...config, suggestedDisplayName: 'Cercle' });
        } catch (cause) {
          return fail(
            event,
            pages.teams.saveFailed,
            cause instanceof Error ? cause.message : 'setConfig failed',
          );
        }
        event.notifySuccess();
      })();
    });
  }, [sdk, meetingId, sso, pages.teams, t.errors.network]);

  return (
    <main className="page page--form">
      <h1 className="brand">◯ {t.appName}</h1>
      <form className="card form" onSubmit={(e) => e.preventDefault()} data-testid="teams-config">
        <h2>{pages.teams.configTitle}</h2>
        {meetingId === null ? (
          <p className="error" role="alert">
            {pages.teams.noMeeting}
          </p>
        ) : existing && existing !== 'reading' ? (
          <p data-testid="teams-config-existing">{pages.teams.existing}</p>
        ) : (
          <>
            <p>{pages.teams.configIntro}</p>
            <SessionSetupFields
              groupName={groupName}
              onGroupName={setGroupName}
              facilitatorName={facilitatorName}
              onFacilitatorName={setFacilitatorName}
              templateKey={templateKey}
              onTemplateKey={setTemplateKey}
            />
            <p className="notice">{sso ? pages.teams.keptOnServer : pages.teams.keptOnDevice}</p>
          </>
        )}
        {error && (
          <p className="error" role="alert" data-testid="teams-config-error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
