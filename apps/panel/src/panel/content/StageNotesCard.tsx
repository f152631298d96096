import { localize, type SessionView, type StageNotes } from '@cercle/domain';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { draftKey } from '../../ui/useDraft.ts';
import { canSend } from '../canSend.ts';
import { AddItemForm } from './AddItemForm.tsx';
import { ContentCard } from './ContentCard.tsx';
import type { ContentProps } from './contentProps.ts';
import { shortTextField } from './textFields.tsx';

/** The observer's notes of one stage after another, each with its stage and time [R62]. */
export function StageNotesList({ view, notes }: { view: SessionView; notes: StageNotes }) {
  const { locale } = useI18n();
  const w = usePageMessages().content.stageNotes;
  if (notes.entries.length === 0) return <p>{w.none}</p>;
  const titleOf = (key: string) => {
    const stage = view.stages.find((s) => s.key === key);
    return stage ? localize(stage.title, locale) : key;
  };
  const timeOf = (at: number) =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  return (
    <ol className="stage-notes" data-testid="stage-notes">
      {notes.entries.map((entry, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: notes are only ever added at the end.
        <li key={i} data-testid="stage-note" data-stage={entry.stageKey}>
          <span className="stage-note__when">
            <strong>{titleOf(entry.stageKey)}</strong> ·{' '}
            <time dateTime={new Date(entry.at).toISOString()}>{timeOf(entry.at)}</time>
          </span>{' '}
          {entry.text}
        </li>
      ))}
    </ol>
  );
}

/** The observer's pane of notes by stage, shown at every stage while they may add to it. */
export function StageNotesCard({ view, myId, send }: ContentProps) {
  const w = usePageMessages().content.stageNotes;
  const mine = view.stageNotes[myId];
  if (!canSend(view, myId, 'addStageNote') && !mine) return null;
  return (
    <ContentCard name="stage-notes" testId="stage-notes-card" title={w.title}>
      <p className="notes__privacy">{w.privacy}</p>
      {mine ? <StageNotesList view={view} notes={mine} /> : <p>{w.none}</p>}
      {canSend(view, myId, 'addStageNote') && (
        <AddItemForm
          draftKey={draftKey(view.id, myId, 'stage-note')}
          field={shortTextField(w.text, 'stage-note-text', 'paragraph', 3)}
          submit={w.add}
          submitTestId="stage-note-submit"
          add={(text) => send({ type: 'addStageNote', text })}
        />
      )}
    </ContentCard>
  );
}
