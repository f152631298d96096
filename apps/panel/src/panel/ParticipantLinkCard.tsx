import { participantLinkResponseSchema } from '@cercle/protocol';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { authorizedFetch } from '../ui/api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { LinkField } from './LinkField.tsx';

/**
 * The facilitator replaces the participant link: after removing someone who knew it, or once it
 * has expired (30 days). The old link stops admitting anyone; who is already here stays.
 */
export function ParticipantLinkCard({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useI18n();
  const p = t.participantLink;
  const [link, setLink] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

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

  return (
    <details className="card participant-link" data-testid="new-participant-link">
      <summary>{p.title}</summary>
      <p>{p.intro}</p>
      {link && (
        <LinkField
          link={link}
          label={p.label}
          copy={p.copy}
          copied={p.copied}
          testId="new-participant-link-value"
        />
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
