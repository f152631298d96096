import { INCLUSION_DECK } from '@cercle/domain';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { isPictureName, Picture } from '../../ui/Picture.tsx';
import { canSend } from '../canSend.ts';
import { ContentCard } from './ContentCard.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';

export function InclusionCard({ view, myId, send }: ContentProps) {
  const { t, pick } = useI18n();
  const pages = usePageMessages();
  const mayPick = canSend(view, myId, 'pickCard');
  const picks = view.inclusion?.picks ?? {};
  return (
    <ContentCard name="inclusion" title={pages.content.inclusion.title}>
      {!view.inclusion &&
        (canSend(view, myId, 'launchInclusion') ? (
          <button
            type="button"
            className="primary"
            data-testid="launch-inclusion"
            onClick={() => send({ type: 'launchInclusion' })}
          >
            {pages.content.inclusion.launch}
          </button>
        ) : (
          <p>{pages.content.inclusion.waiting}</p>
        ))}
      {view.inclusion && (
        <>
          <p>{pages.content.inclusion.intro}</p>
          <ul className="deck">
            {INCLUSION_DECK.map((card) => (
              <li key={card.id}>
                <button
                  type="button"
                  className={`deck__card${picks[myId] === card.id ? ' deck__card--mine' : ''}`}
                  aria-pressed={picks[myId] === card.id}
                  data-testid={`card-${card.id}`}
                  disabled={!mayPick}
                  onClick={() => send({ type: 'pickCard', cardId: card.id })}
                >
                  {isPictureName(card.id) && <Picture name={card.id} />}
                  {pick(card.word)}
                </button>
              </li>
            ))}
          </ul>
          <h3>{pages.content.inclusion.picks}</h3>
          {Object.keys(picks).length === 0 ? (
            <p>{pages.content.inclusion.nobody}</p>
          ) : (
            <ul className="picks" data-testid="picks">
              {Object.entries(picks).map(([personId, cardId]) => {
                const card = INCLUSION_DECK.find((c) => c.id === cardId);
                return (
                  <li key={personId}>
                    {nameOf(view, personId)}
                    {t.colon} {isPictureName(cardId) && <Picture name={cardId} />}{' '}
                    {card ? pick(card.word) : cardId}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </ContentCard>
  );
}
