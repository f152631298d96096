import { participantLinkResponseSchema } from '@cercle/protocol';
import { useI18n } from '../i18n/i18n.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { LinkField } from './LinkField.tsx';
import { useNewLink } from './useNewLink.ts';

/**
 * The facilitator replaces the participant link: after removing someone who knew it, or once it
 * has expired (30 days). The old link stops admitting anyone; who is already here stays.
 */
export function ParticipantLinkCard({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useI18n();
  const p = t.participantLink;
  const { link, state, ask } = useNewLink(
    `/api/sessions/${sessionId}/participant-link`,
    token,
    (body) => {
      const parsed = participantLinkResponseSchema.safeParse(body);
      return parsed.success ? parsed.data.participantLink : null;
    },
  );

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
        <ConfirmButton label={p.make} question={p.confirm} onConfirm={() => void ask()} />
      )}
      {state === 'failed' && (
        <p className="error" role="alert">
          {p.failed}
        </p>
      )}
    </details>
  );
}
