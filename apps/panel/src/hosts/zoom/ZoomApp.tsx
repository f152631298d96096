import { TEMPLATES } from '@cercle/domain';
import { type Boot, type HostEnterResponse, hostEnterResponseSchema } from '@cercle/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { LanguageSwitch } from '../../panel/LanguageSwitch.tsx';
import { PanelRoute } from '../../routes/PanelRoute.tsx';
import { SessionSetupFields } from '../../routes/SessionSetupFields.tsx';
import { postJson } from '../../ui/api.ts';
import { useDraft } from '../../ui/useDraft.ts';
import { connectZoom, type ZoomSdkLike, type ZoomUser } from './zoomClient.ts';

/** How often a panel waiting for the host asks again. */
export const ZOOM_WAIT_RETRY_MS = 4000;
const GUEST_TOKEN_KEY = 'cercle:zoom:credential';

type Phase =
  | { name: 'connecting' }
  | { name: 'setUp'; user: ZoomUser }
  | { name: 'waiting'; user: ZoomUser }
  | { name: 'ready'; entry: HostEnterResponse }
  | { name: 'failed'; message: string | null };

function InviteButton({ sdk }: { sdk: ZoomSdkLike }) {
  const pages = usePageMessages();
  const [isSent, setIsSent] = useState(false);
  return (
    <button
      type="button"
      className="wide"
      onClick={() => {
        void sdk.sendAppInvitationToAllParticipants().then(() => setIsSent(true));
      }}
    >
      {isSent ? pages.zoom.invited : pages.zoom.invite}
    </button>
  );
}

/** Cercle inside a Zoom meeting: identity comes from the server-verified ticket, never from here. */
export function ZoomApp({ boot }: { boot: Extract<Boot, { host: 'zoom' }> }) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const [phase, setPhase] = useState<Phase>({ name: 'connecting' });
  const [sdk, setSdk] = useState<ZoomSdkLike | null>(null);
  const [groupName, setGroupName] = useDraft('zoom:group');
  const [templateKey, setTemplateKey] = useState(TEMPLATES[0]?.key ?? 'remote-2h');
  const [error, setError] = useState<string | null>(null);

  const ready = useCallback((entry: HostEnterResponse) => {
    try {
      localStorage.setItem(GUEST_TOKEN_KEY, entry.token);
    } catch {
      // No storage: a guest reloading gets a new seat, nothing worse.
    }
    setPhase({ name: 'ready', entry });
  }, []);

  const enter = useCallback(
    async (user: ZoomUser) => {
      let knownToken: string | null = null;
      try {
        knownToken = localStorage.getItem(GUEST_TOKEN_KEY);
      } catch {
        knownToken = null;
      }
      const result = await postJson(
        '/api/zoom/enter',
        { ticket: boot.ticket, screenName: user.screenName, knownToken },
        hostEnterResponseSchema,
      );
      if (result.ok) return ready(result.value);
      if (result.status === 409)
        return setPhase(boot.canSetUp ? { name: 'setUp', user } : { name: 'waiting', user });
      setPhase({ name: 'failed', message: result.message });
    },
    [boot, ready],
  );

  useEffect(() => {
    connectZoom().then(
      ({ sdk: connected, user }) => {
        setSdk(connected);
        void enter(user);
      },
      () => setPhase({ name: 'failed', message: null }),
    );
  }, [enter]);

  useEffect(() => {
    if (phase.name !== 'waiting') return;
    const timer = setTimeout(() => void enter(phase.user), ZOOM_WAIT_RETRY_MS);
    return () => clearTimeout(timer);
  }, [phase, enter]);

  if (phase.name === 'ready')
    return (
      <PanelRoute
        sessionId={phase.entry.sessionId}
        token={phase.entry.token}
        facilitatorExtras={sdk ? <InviteButton sdk={sdk} /> : null}
      />
    );

  const setUp = async (user: ZoomUser) => {
    setError(null);
    const result = await postJson(
      '/api/zoom/sessions',
      {
        ticket: boot.ticket,
        screenName: user.screenName,
        groupName: groupName.trim(),
        templateKey,
      },
      hostEnterResponseSchema,
    );
    if (result.ok) return ready(result.value);
    // Someone else set it up a moment ago: join theirs.
    if (result.status === 409) return enter(user);
    setError(result.message ?? t.errors.network);
  };

  return (
    <main className="page page--form">
      <header className="panel__header">
        <h1 className="brand">◯ {t.appName}</h1>
        <LanguageSwitch />
      </header>
      {phase.name === 'connecting' && (
        <p className="loading" role="status">
          {pages.zoom.connecting}
        </p>
      )}
      {phase.name === 'waiting' && (
        <p className="card" role="status" data-testid="zoom-waiting">
          {pages.zoom.waiting}
        </p>
      )}
      {phase.name === 'failed' && (
        <p className="card error" role="alert">
          {phase.message ?? pages.zoom.failed}
        </p>
      )}
      {phase.name === 'setUp' && (
        <form
          className="card form"
          onSubmit={(e) => {
            e.preventDefault();
            void setUp(phase.user);
          }}
        >
          <h2>{pages.zoom.setUpTitle}</h2>
          <p>{pages.zoom.setUpIntro}</p>
          <SessionSetupFields
            groupName={groupName}
            onGroupName={setGroupName}
            templateKey={templateKey}
            onTemplateKey={setTemplateKey}
          />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary wide" disabled={!groupName.trim()}>
            {pages.zoom.setUp}
          </button>
        </form>
      )}
    </main>
  );
}
