import { participantLinkResponseSchema } from '@cercle/protocol';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { authorizedFetch } from '../ui/api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

/**
 * The facilitator replaces the participant link: after removing someone who knew it, or once it
 * has expired (30 days). The old link stops admitting anyone; who is already here stays.
 */
export function ParticipantLinkCard({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useI18n();
  const p = t.participantLink;
  const [link, setLink] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'failed' | 'copied'>('idle');

  const rotate = async () => {
    setState('busy');
    const response = await authorizedFetch(`/api/sessions/${sessionId}/participant-link`, token, {
      method: 'POST',
    });
    const parsed = participantLinkResponseSchema.safeParse(
      await response?.json().catch(() => null),
    );
    if (!response?.ok || !parsed.success) {
      setState('failed');
      return;
    }
    setLink(parsed.data.participantLink);
    setState('idle');
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      // The link stays selectable in its field.
      setState('idle');
    }
  };

  return (
    <details className="card participant-link" data-testid="new-participant-link">
      <summary>{p.title}</summary>
      <p>{p.intro}</p>
      {link && (
        <>
          <label>
            {p.label}
            <input
              readOnly
              value={link}
              data-testid="new-participant-link-value"
              onFocus={(e) => e.target.select()}
            />
          </label>
          <button type="button" onClick={() => void copy()}>
            {state === 'copied' ? p.copied : p.copy}
          </button>
        </>
      )}
      {state !== 'busy' && (
        <ConfirmButton label={p.make} question={p.confirm} onConfirm={() => void rotate()} />
      )}
      {state === 'failed' && (
        <p className="error" role="alert">
          {p.failed}
        </p>
      )}
    </details>
  );
}
