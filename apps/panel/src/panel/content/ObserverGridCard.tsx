import { GRID_CRITERIA, GRID_MAX, type GridCriterion } from '@cercle/domain';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { canSend } from '../canSend.ts';
import { AuthoredTextCard, type TextCard } from './AuthoredTextCard.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { ShareWithGroupButton } from './ShareWithGroupButton.tsx';
import { StageNotesList } from './StageNotesCard.tsx';
import { offer, oneOfField, shortTextField } from './textFields.tsx';

const MARKS = Array.from({ length: GRID_MAX }, (_, i) => i + 1);
const GRID_KEYS = GRID_CRITERIA;
/** A mark each criterion starts from, before the observer picks one. */
const START_MARK = 3;

type GridDraft = Record<GridCriterion, number> & { readonly comment: string };

const GRID: TextCard<GridDraft> = {
  name: 'grid',
  testId: 'observer-grid',
  command: (draft) => ({ type: 'writeObserverFeedback', ...draft }),
  blank: {
    ...(Object.fromEntries(GRID_CRITERIA.map((c) => [c, START_MARK])) as Record<
      GridCriterion,
      number
    >),
    comment: '',
  },
};

/** The observer's grid on the group's interactions, and sharing their notes. */
export function ObserverGridCard(props: ContentProps) {
  const { view, myId, send } = props;
  const { t } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.observer;
  const saved = view.observerFeedback[myId];
  // A grid written before the criteria of R63 shows them at the starting mark.
  const mine = saved && { ...GRID.blank, ...saved };
  const stageNotes = view.stageNotes[myId];
  const sharedStageNotes = Object.values(view.stageNotes).filter(
    (n) => n.authorId !== myId && n.entries.length > 0,
  );
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
            stagesRespected: markOf('stagesRespected'),
            clientListening: markOf('clientListening'),
            kindness: markOf('kindness'),
            timeKept: markOf('timeKept'),
            comment: shortTextField(w.comment, 'grid-comment', 'paragraph'),
          }}
          title={w.title}
          text={mine}
          textRef={{ kind: 'observerFeedback', id: myId }}
        >
          {note && canSend(view, myId, 'setVisibility') && (
            <ShareWithGroupButton
              textRef={{ kind: 'note', id: myId }}
              visibility={note.visibility}
              send={send}
              testId="share-notes"
              share={w.shareNotes}
              unshare={w.unshareNotes}
            />
          )}
          {stageNotes && canSend(view, myId, 'setVisibility') && (
            <ShareWithGroupButton
              textRef={{ kind: 'stageNotes', id: myId }}
              visibility={stageNotes.visibility}
              send={send}
              testId="share-stage-notes"
              share={w.shareStageNotes}
              unshare={w.unshareStageNotes}
            />
          )}
        </AuthoredTextCard>
      )}
      {(shared.length > 0 || sharedNotes.length > 0 || sharedStageNotes.length > 0) && (
        <section className="card content" data-testid="shared-observations">
          {shared.map((f) => (
            <div key={f.authorId}>
              <h3>{`${w.title} — ${nameOf(view, f.authorId)}`}</h3>
              <p>
                {GRID_KEYS.flatMap((key) => {
                  const mark = f[key];
                  return mark === undefined ? [] : [`${w[key]}${t.colon} ${w.marks[mark - 1]}`];
                }).join(' – ')}
              </p>
              {f.comment && <blockquote>{f.comment}</blockquote>}
            </div>
          ))}
          {sharedStageNotes.map((n) => (
            <div key={`stages-${n.authorId}`}>
              <h3>{pages.content.stageNotes.sharedBy(nameOf(view, n.authorId))}</h3>
              <StageNotesList view={view} notes={n} />
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
