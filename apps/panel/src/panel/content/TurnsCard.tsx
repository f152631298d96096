import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';

/** Who speaks, who waits: raised hands and the round, so every consultant gets the floor. */
export function TurnsCard({ view, myId, send }: ContentProps) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.turns;
  const me = view.people.find((p) => p.id === myId);
  const isFacilitator = me?.role === 'facilitator';
  const { speakerId, hands, round } = view.turns;
  const raised = hands.includes(myId);
  if (view.lifecycle !== 'live') return null;
  return (
    <section className="card content" aria-labelledby="turns-title" data-testid="turns">
      <h2 id="turns-title" className="card__title">
        {w.title}
      </h2>
      <p aria-live="polite" data-testid="speaker">
        {w.speaking}
        {t.colon} <strong>{speakerId ? nameOf(view, speakerId) : w.nobody}</strong>
      </p>
      {round.length > 0 && (
        <p className="turns__round">
          {w.order}
          {t.colon} {round.map((id) => nameOf(view, id)).join(' → ')}
        </p>
      )}
      <h3>{w.waiting}</h3>
      {hands.length === 0 ? (
        <p>{w.noHands}</p>
      ) : (
        <ol data-testid="hands">
          {hands.map((id) => (
            <li key={id}>
              ✋ {nameOf(view, id)}{' '}
              {isFacilitator && (
                <button type="button" onClick={() => send({ type: 'giveFloor', personId: id })}>
                  {w.give}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="turns__actions">
        {me && me.role !== 'observer' && (
          <button
            type="button"
            aria-pressed={raised}
            data-testid="raise-hand"
            onClick={() =>
              send(raised ? { type: 'lowerHand', personId: myId } : { type: 'raiseHand' })
            }
          >
            {raised ? w.lower : w.raise}
          </button>
        )}
        {isFacilitator && (
          <>
            <button
              type="button"
              data-testid="start-round"
              onClick={() => send({ type: 'startRound' })}
            >
              {w.round}
            </button>
            {round.length > 0 && (
              <button
                type="button"
                data-testid="next-turn"
                onClick={() => send({ type: 'nextTurn' })}
              >
                {w.next}
              </button>
            )}
          </>
        )}
      </p>
    </section>
  );
}
