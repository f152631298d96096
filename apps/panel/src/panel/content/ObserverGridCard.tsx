import { GRID_MAX, type ObserverFeedback } from '@cercle/domain';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { canSend } from '../canSend.ts';
import { AuthoredTextCard, type TextCard } from './AuthoredTextCard.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { offer, oneOfField, shortTextField } from './textFields.tsx';

const MARKS = Array.from({ length: GRID_MAX }, (_, i) => i + 1);
const GRID_KEYS = ['listening', 'questionsOverAdvice', 'clientFloor'] as const;

const GRID: TextCard<Pick<ObserverFeedback, (typeof GRID_KEYS)[number] | 'comment'>> = {
  name: 'grid',
  testId: 'observer-grid',
  command: (draft) => ({ type: 'writeObserverFeedback', ...draft }),
  blank: { listening: 3, questionsOverAdvice: 3, clientFloor: 3, comment: '' },
};

/** The observer's grid on the group's interactions, and sharing their notes. */
export function ObserverGridCard(props: ContentProps) {
  const { view, myId, send } = props;
  const { t } = useI18n();
  const w = usePageMessages().content.observer;
  const mine = view.observerFeedback[myId];
  const note = view.notes[myId];
  const shared = Object.values(view.observerFeedback).filter((f) => f.authorId !== myId);
  const sharedNotes = Object.values(view.notes).filter((n) => n.authorId !== myId && n.text);
  const markOf = (key: (typeof GRID_KEYS)[number]) =>
    oneOfField(offer(w[key], `grid-${key}`, MARKS, (n) => w.marks[n - 1]));
  return (
    <>
      {canSend(view, myId, 'writeObserverFeedback') && (
        <AuthoredTextCard
          {...props}
          card={GRID}
          fields={{
            listening: markOf('listening'),
            questionsOverAdvice: markOf('questionsOverAdvice'),
            clientFloor: markOf('clientFloor'),
            comment: shortTextField(w.comment, 'grid-comment', 'paragraph'),
          }}
          title={w.title}
          text={mine}
          textRef={{ kind: 'observerFeedback', id: myId }}
        >
          {note && canSend(view, myId, 'setVisibility') && (
            <button
              type="button"
              data-testid="share-notes"
              onClick={() =>
                send({
                  type: 'setVisibility',
                  ref: { kind: 'note', id: myId },
                  visibility: note.visibility === 'group' ? 'me' : 'group',
                })
              }
            >
              {note.visibility === 'group' ? w.unshareNotes : w.shareNotes}
            </button>
          )}
        </AuthoredTextCard>
      )}
      {(shared.length > 0 || sharedNotes.length > 0) && (
        <section className="card content" data-testid="shared-observations">
          {shared.map((f) => (
            <div key={f.authorId}>
              <h3>{`${w.title} — ${nameOf(view, f.authorId)}`}</h3>
              <p>
                {GRID_KEYS.map((key) => `${w[key]}${t.colon} ${w.marks[f[key] - 1]}`).join(' · ')}
              </p>
              {f.comment && <blockquote>{f.comment}</blockquote>}
            </div>
          ))}
          {sharedNotes.map((n) => (
            <div key={n.authorId}>
              <h3>{w.sharedNotes(nameOf(view, n.authorId))}</h3>
              <blockquote className="pre">{n.text}</blockquote>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
