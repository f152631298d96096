import { TEMPLATES } from '@cercle/domain';
import {
  type CreateSessionResponse,
  createSessionResponseSchema,
  DEFAULT_RETENTION_DAYS,
} from '@cercle/protocol';
import { useState } from 'react';
import { useI18n, usePageMessages } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../panel/LanguageSwitch.tsx';
import { saveCredentials } from '../sync/credentials.ts';
import { postJson } from '../ui/api.ts';
import { navigate } from '../ui/router.ts';
import { useDraft } from '../ui/useDraft.ts';
import { RetentionPicker } from './RetentionPicker.tsx';
import { SessionSetupFields } from './SessionSetupFields.tsx';

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const pages = usePageMessages();
  const [isCopied, setIsCopied] = useState(false);
  const id = `copy-${testId}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard refused (embedded browsers): select the text so Ctrl+C works.
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.select();
      document.execCommand?.('copy');
    }
    setIsCopied(true);
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        <input
          id={id}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={copy}>
          {isCopied ? `✓ ${pages.start.copied}` : pages.start.copy}
        </button>
      </div>
    </div>
  );
}

export function StartPage() {
  const { t } = useI18n();
  const pages = usePageMessages();
  const [groupName, setGroupName] = useDraft('start:group');
  const [facilitatorName, setFacilitatorName] = useDraft('start:name');
  const [templateKey, setTemplateKey] = useState(TEMPLATES[0]?.key ?? 'remote-2h');
  const [retentionDays, setRetentionDays] = useState<number | null>(DEFAULT_RETENTION_DAYS);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateSessionResponse | null>(null);

  const submit = async () => {
    setIsBusy(true);
    setError(null);
    const result = await postJson(
      '/api/sessions',
      {
        groupName: groupName.trim(),
        templateKey,
        facilitatorName: facilitatorName.trim(),
        retentionDays,
      },
      createSessionResponseSchema,
    );
    setIsBusy(false);
    if (!result.ok) {
      setError(result.message ?? t.errors.network);
      return;
    }
    saveCredentials(result.value.sessionId, {
      token: result.value.token,
      personId: result.value.personId,
    });
    setCreated(result.value);
  };

  return (
    <main className="page page--form">
      <header className="panel__header">
        <h1 className="brand">◯ {t.appName}</h1>
        <LanguageSwitch />
      </header>
      <h2>{pages.start.title}</h2>
      <p>{pages.start.intro}</p>
      {!created ? (
        <form
          className="card form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <SessionSetupFields
            groupName={groupName}
            onGroupName={setGroupName}
            facilitatorName={facilitatorName}
            onFacilitatorName={setFacilitatorName}
            templateKey={templateKey}
            onTemplateKey={setTemplateKey}
          />
          <RetentionPicker value={retentionDays} onChange={setRetentionDays} />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="primary wide"
            disabled={isBusy || !groupName.trim() || !facilitatorName.trim()}
          >
            {isBusy ? pages.start.creating : pages.start.create}
          </button>
        </form>
      ) : (
        <section className="card" aria-live="polite">
          <h3>✓ {pages.start.created}</h3>
          <CopyField
            label={pages.start.participantLink}
            value={created.participantLink}
            testId="participant-link"
          />
          <CopyField
            label={pages.start.facilitatorLink}
            value={created.facilitatorLink}
            testId="facilitator-link"
          />
          <button
            type="button"
            className="primary wide"
            onClick={() => navigate(`/s/${created.sessionId}`)}
          >
            {pages.start.open}
          </button>
        </section>
      )}
    </main>
  );
}
