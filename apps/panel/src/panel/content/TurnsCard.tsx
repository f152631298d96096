import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { Picture } from '../../ui/Picture.tsx';
import { canSend } from '../canSend.ts';
import { ContentCard } from './ContentCard.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';

/** Who speaks, who waits: raised hands and the round, so every consultant gets the floor. */
export function TurnsCard({ view, myId, send }: ContentProps) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.turns;
  const { speakerId, hands, round } = view.turns;
  const raised = hands.includes(myId);
  const may = {
    // Turns are taken while hands may move at all: the card shows only then.
    lower: canSend(view, myId, 'lowerHand'),
    raise: canSend(view, myId, 'raiseHand'),
    give: canSend(view, myId, 'giveFloor'),
    startRound: canSend(view, myId, 'startRound'),
    next: canSend(view, myId, 'nextTurn'),
  };
  if (!may.lower) return null;
  return (
    <ContentCard name="turns" title={w.title}>
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
              <Picture name="hand" /> {nameOf(view, id)}{' '}
              {may.give && (
                <button type="button" onClick={() => send({ type: 'giveFloor', personId: id })}>
                  {w.give}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="turns__actions">
        {(raised ? may.lower : may.raise) && (
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
        {may.startRound && (
          <button
            type="button"
            data-testid="start-round"
            onClick={() => send({ type: 'startRound' })}
          >
            {w.round}
          </button>
        )}
        {may.next && round.length > 0 && (
          <button type="button" data-testid="next-turn" onClick={() => send({ type: 'nextTurn' })}>
            {w.next}
          </button>
        )}
      </p>
    </ContentCard>
  );
}
