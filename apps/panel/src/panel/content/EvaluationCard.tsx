import { type Evaluation, RATING_MAX, WEATHERS } from '@cercle/domain';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { Picture, WEATHER_PICTURES } from '../../ui/Picture.tsx';
import { AuthoredTextCard, type TextCard } from './AuthoredTextCard.tsx';
import type { ContentProps } from './contentProps.ts';
import { ByAuthor } from './readouts.tsx';
import { offer, oneOfField, shortTextField } from './textFields.tsx';

const RATINGS = Array.from({ length: RATING_MAX }, (_, i) => i + 1);

const EVALUATION: TextCard<Pick<Evaluation, 'weather' | 'rating' | 'comment'>> = {
  name: 'evaluation',
  command: (draft) => ({ type: 'evaluate', ...draft }),
  blank: { weather: 'sunny', rating: 4, comment: '' },
};

/** A closing weather and rating from each person; the facilitator reads the group's tally. */
export function EvaluationCard(props: ContentProps) {
  const { view, myId } = props;
  const { locale } = useI18n();
  const w = usePageMessages().content.evaluation;
  const mine = view.evaluations[myId];
  // The tally is the group's [R34]; during the session only the facilitator looks at it.
  const isFacilitator = view.people.find((p) => p.id === myId)?.role === 'facilitator';
  const tally = view.evaluationTally;
  const mean = tally.count > 0 ? tally.ratingSum / tally.count : 0;
  const others = Object.values(view.evaluations).filter((e) => e.authorId !== myId && e.comment);
  return (
    <AuthoredTextCard
      {...props}
      card={EVALUATION}
      fields={{
        weather: oneOfField(
          offer(w.weather, 'weather', WEATHERS, (k) => (
            <>
              <Picture name={WEATHER_PICTURES[k]} /> {w.weathers[k]}
            </>
          )),
        ),
        rating: oneOfField(offer(w.rating, 'rating', RATINGS, (n) => n)),
        comment: shortTextField(w.comment, 'evaluation-comment', 'line'),
      }}
      title={w.title}
      text={mine}
      textRef={{ kind: 'evaluation', id: myId }}
    >
      {(isFacilitator || view.lifecycle === 'ended') && (
        <div className="tally" data-testid="tally" aria-live="polite">
          <h3>{w.tally}</h3>
          <p>
            {w.count(tally.count)}
            {tally.count > 0 &&
              ` – ${w.mean(mean.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }))}`}
          </p>
          <p>
            {WEATHERS.filter((k) => tally.weathers[k])
              .map((k) => `${w.weathers[k]} × ${tally.weathers[k]}`)
              .join(' – ')}
          </p>
          {others.length > 0 && <ByAuthor view={view} texts={others} line={(e) => e.comment} />}
        </div>
      )}
    </AuthoredTextCard>
  );
}
