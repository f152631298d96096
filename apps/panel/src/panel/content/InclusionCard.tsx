import { INCLUSION_DECK } from '@cercle/domain';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { canSend } from '../canSend.ts';
import { type ContentProps, nameOf } from './contentProps.ts';

export function InclusionCard({ view, myId, send }: ContentProps) {
  const { t, pick } = useI18n();
  const pages = usePageMessages();
  const mayPick = canSend(view, myId, 'pickCard');
  const picks = view.inclusion?.picks ?? {};
  return (
    <section className="card content" aria-labelledby="inclusion-title" data-testid="inclusion">
      <h2 id="inclusion-title" className="card__title">
        {pages.content.inclusion.title}
      </h2>
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
                  <span className="deck__picture" aria-hidden="true">
                    {card.picture}
                  </span>
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
                    {t.colon} {card?.picture} {card ? pick(card.word) : cardId}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
