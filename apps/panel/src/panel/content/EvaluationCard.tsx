import { RATING_MAX, WEATHERS, type Weather } from '@cercle/domain';
import { useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { VisibilityPicker } from './VisibilityPicker.tsx';

/** A closing weather and rating from each person; the facilitator reads the group's tally. */
export function EvaluationCard({ view, myId, send }: ContentProps) {
  const { t, locale } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.evaluation;
  const mine = view.evaluations[myId];
  const [weather, setWeather] = useState<Weather>(mine?.weather ?? 'sunny');
  const [rating, setRating] = useState(mine?.rating ?? 4);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const isFacilitator = view.people.find((p) => p.id === myId)?.role === 'facilitator';
  const tally = view.evaluationTally;
  const mean = tally.count > 0 ? tally.ratingSum / tally.count : 0;
  const others = Object.values(view.evaluations).filter((e) => e.authorId !== myId && e.comment);
  return (
    <section className="card content" aria-labelledby="evaluation-title" data-testid="evaluation">
      <h2 id="evaluation-title" className="card__title">
        {w.title}
      </h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'evaluate', weather, rating, comment });
        }}
      >
        <fieldset className="choices">
          <legend>{w.weather}</legend>
          {WEATHERS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="weather"
                data-testid={`weather-${k}`}
                checked={weather === k}
                onChange={() => setWeather(k)}
              />{' '}
              {w.weathers[k]}
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>{w.rating}</legend>
          {Array.from({ length: RATING_MAX }, (_, i) => i + 1).map((n) => (
            <label key={n}>
              <input
                type="radio"
                name="rating"
                data-testid={`rating-${n}`}
                checked={rating === n}
                onChange={() => setRating(n)}
              />{' '}
              {n}
            </label>
          ))}
        </fieldset>
        <label>
          {w.comment}
          <input
            data-testid="evaluation-comment"
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" data-testid="evaluation-save">
          {pages.content.save}
        </button>
        {mine && <span className="saved"> ✓ {pages.content.saved}</span>}
      </form>
      {mine && (
        <VisibilityPicker
          textRef={{ kind: 'evaluation', id: myId }}
          visibility={mine.visibility}
          send={send}
        />
      )}
      {(isFacilitator || view.lifecycle === 'ended') && (
        <div className="tally" data-testid="tally" aria-live="polite">
          <h3>{w.tally}</h3>
          <p>
            {w.count(tally.count)}
            {tally.count > 0 &&
              ` · ${w.mean(mean.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }))}`}
          </p>
          <p>
            {WEATHERS.filter((k) => tally.weathers[k])
              .map((k) => `${w.weathers[k]} × ${tally.weathers[k]}`)
              .join(' · ')}
          </p>
          {others.length > 0 && (
            <ul>
              {others.map((e) => (
                <li key={e.authorId}>
                  {nameOf(view, e.authorId)}
                  {t.colon} {e.comment}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
