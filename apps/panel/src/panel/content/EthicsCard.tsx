import { ETHICS_PRINCIPLES, notYetAcceptedEthics } from '@cercle/domain';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { canSend } from '../canSend.ts';
import { ContentCard } from './ContentCard.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';

/**
 * The group's code of ethics at the start of its first session, accepted by each person [R90].
 * In later sessions it comes back only while someone in the roster (a newcomer) has not accepted.
 */
export function EthicsCard({ view, myId, send }: ContentProps) {
  const { t, pick } = useI18n();
  const w = usePageMessages().content.ethics;
  const pending = notYetAcceptedEthics(view);
  const isFirstSession = view.groupId === view.id;
  if (!isFirstSession && pending.length === 0) return null;
  const haveAccepted = !pending.includes(myId);
  const isFacilitator = view.people.find((p) => p.id === myId)?.role === 'facilitator';
  return (
    <ContentCard name="ethics" title={w.title}>
      <p>{w.intro}</p>
      <ul className="ethics__principles">
        {ETHICS_PRINCIPLES.map((principle) => (
          <li key={principle.key}>{pick(principle.text)}</li>
        ))}
      </ul>
      {haveAccepted ? (
        <p className="saved" data-testid="ethics-accepted">
          {w.accepted}
        </p>
      ) : (
        canSend(view, myId, 'acceptEthics') && (
          <button
            type="button"
            className="primary"
            data-testid="accept-ethics"
            onClick={() => send({ type: 'acceptEthics' })}
          >
            {w.accept}
          </button>
        )
      )}
      {isFacilitator && (
        <p data-testid="ethics-pending" aria-live="polite">
          {pending.length === 0 ? (
            w.everyone
          ) : (
            <>
              {w.pending}
              {t.colon} {pending.map((id) => nameOf(view, id)).join(', ')}
            </>
          )}
        </p>
      )}
    </ContentCard>
  );
}
