import { LIMITS } from '@cercle/domain';
import { invitationResponseSchema, joinResponseSchema } from '@cercle/protocol';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../panel/LanguageSwitch.tsx';
import { saveCredentials } from '../sync/credentials.ts';
import { postJson } from '../ui/api.ts';
import { useDraft } from '../ui/useDraft.ts';

export function JoinPage({
  sessionId,
  joinToken,
  notices = [],
  onJoined,
}: {
  sessionId: string;
  joinToken: string;
  /** Why the name is asked, when a host could have known it, and what a reload will do. */
  notices?: readonly string[];
  onJoined: (token: string) => void;
}) {
  const { t } = useI18n();
  const [groupName, setGroupName] = useState<string | null>(null);
  const [isInvalid, setIsInvalid] = useState(false);
  const [displayName, setDisplayName] = useDraft('join:name');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The name someone in the session already goes by [R80]: the way to one's own seat, or another name.
  const [takenName, setTakenName] = useState<string | null>(null);

  useEffect(() => {
    void postJson(
      `/api/sessions/${sessionId}/invitation`,
      { joinToken },
      invitationResponseSchema,
    ).then((result) => {
      if (result.ok) setGroupName(result.value.groupName);
      else if (result.status === 401 || result.status === 404 || result.status === 400)
        setIsInvalid(true);
    });
  }, [sessionId, joinToken]);

  const submit = async () => {
    setIsBusy(true);
    setError(null);
    setTakenName(null);
    const name = displayName.trim();
    const result = await postJson(
      `/api/sessions/${sessionId}/join`,
      { joinToken, displayName: name },
      joinResponseSchema,
    );
    setIsBusy(false);
    if (!result.ok) {
      if (result.code === 'nameTaken') setTakenName(name);
      else setError(result.message ?? t.errors.network);
      return;
    }
    saveCredentials(sessionId, { token: result.value.token, personId: result.value.personId });
    onJoined(result.value.token);
  };

  return (
    <main className="page page--form">
      <header className="panel__header">
        <h1 className="brand">◯ {t.appName}</h1>
        <LanguageSwitch />
      </header>
      {isInvalid ? (
        <p className="card error" role="alert">
          {t.join.invalid}
        </p>
      ) : (
        <form
          className="card form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h2>{groupName ? t.join.title(groupName) : t.join.titleUnknown}</h2>
          {notices.map((notice) => (
            <p key={notice} className="notice" data-testid="join-notice">
              {notice}
            </p>
          ))}
          <label>
            {t.join.displayName}
            <input
              required
              maxLength={LIMITS.displayNameMaxChars}
              autoComplete="name"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              data-testid="display-name"
            />
          </label>
          {takenName && (
            <div className="notice" role="alert" data-testid="name-taken">
              <p>
                <strong>{t.join.nameTaken(takenName)}</strong>
              </p>
              <p>{t.join.nameTakenIfYou}</p>
              <p>{t.join.nameTakenIfNot}</p>
            </div>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary wide" disabled={isBusy || !displayName.trim()}>
            {isBusy ? t.join.joining : t.join.join}
          </button>
        </form>
      )}
    </main>
  );
}
