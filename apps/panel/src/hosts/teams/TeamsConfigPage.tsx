import { TEMPLATES } from '@cercle/domain';
import { createSessionResponseSchema } from '@cercle/protocol';
import { useEffect, useRef, useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { SessionSetupFields } from '../../routes/SessionSetupFields.tsx';
import { saveCredentials } from '../../sync/credentials.ts';
import { postJson } from '../../ui/api.ts';
import { useDraft } from '../../ui/useDraft.ts';
import type { TeamsSdkLike } from './teamsClient.ts';

/**
 * The tab's configuration page: whoever configures Cercle in a meeting creates its session and
 * facilitates it; the saved tab points every participant at the session.
 */
export function TeamsConfigPage({ sdk }: { sdk: TeamsSdkLike }) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const [groupName, setGroupName] = useDraft('teams:group');
  const [facilitatorName, setFacilitatorName] = useDraft('teams:name');
  const [templateKey, setTemplateKey] = useState(TEMPLATES[0]?.key ?? 'remote-2h');
  const [error, setError] = useState<string | null>(null);
  const isValid = groupName.trim().length > 0 && facilitatorName.trim().length > 0;
  // The save handler is registered once; it reads the latest form values from here.
  const form = useRef({ groupName, facilitatorName, templateKey });
  form.current = { groupName, facilitatorName, templateKey };

  useEffect(() => {
    sdk.pages.config.setValidityState(isValid);
  }, [sdk, isValid]);

  useEffect(() => {
    sdk.pages.config.registerOnSaveHandler((event) => {
      const { groupName: group, facilitatorName: name, templateKey: key } = form.current;
      void postJson(
        '/api/sessions',
        { groupName: group.trim(), templateKey: key, facilitatorName: name.trim() },
        createSessionResponseSchema,
      ).then(async (result) => {
        if (!result.ok) {
          setError(result.message ?? pages.teams.saveFailed);
          event.notifyFailure(result.message ?? 'failed');
          return;
        }
        const created = result.value;
        saveCredentials(created.sessionId, { token: created.token, personId: created.personId });
        const joinToken = created.participantLink.split('#join=')[1] ?? '';
        const page = `${location.origin}/s/${created.sessionId}?host=teams`;
        await sdk.pages.config.setConfig({
          contentUrl: `${page}#join=${joinToken}`,
          websiteUrl: page,
          entityId: created.sessionId,
          suggestedDisplayName: 'Cercle',
        });
        event.notifySuccess();
      });
    });
  }, [sdk, pages.teams.saveFailed]);

  return (
    <main className="page page--form">
      <h1 className="brand">◯ {t.appName}</h1>
      <form className="card form" onSubmit={(e) => e.preventDefault()} data-testid="teams-config">
        <h2>{pages.teams.configTitle}</h2>
        <p>{pages.teams.configIntro}</p>
        <SessionSetupFields
          groupName={groupName}
          onGroupName={setGroupName}
          facilitatorName={facilitatorName}
          onFacilitatorName={setFacilitatorName}
          templateKey={templateKey}
          onTemplateKey={setTemplateKey}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
