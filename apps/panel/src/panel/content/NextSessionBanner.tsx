import { joinResponseSchema } from '@cercle/protocol';
import { useState } from 'react';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { saveCredentials } from '../../sync/credentials.ts';
import { authorizedFetch } from '../../ui/api.ts';
import { navigate } from '../../ui/router.ts';
import type { ContentProps } from './contentProps.ts';

/** Shown to everyone once the facilitator has opened the group's next session. */
export function NextSessionBanner({ view, token }: { view: ContentProps['view']; token: string }) {
  const pages = usePageMessages();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const next = view.nextSessionId;
  if (!next) return null;
  return (
    <p className="card banner" role="status" data-testid="next-session">
      {pages.content.end.nextReady}{' '}
      <button
        type="button"
        className="primary"
        data-testid="join-next"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const response = await authorizedFetch(`/api/sessions/${next}/enter`, token, {
            method: 'POST',
          });
          const parsed = joinResponseSchema.safeParse(await response?.json().catch(() => null));
          setBusy(false);
          if (!response?.ok || !parsed.success) return setFailed(true);
          saveCredentials(next, parsed.data);
          navigate(`/s/${next}`);
        }}
      >
        {pages.content.end.goNext}
      </button>
      {failed && <span className="error"> {pages.content.end.failed}</span>}
    </p>
  );
}
