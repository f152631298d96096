import { currentConsultation } from '@cercle/domain';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { canSend } from '../canSend.ts';
import { AuthoredTextCard, type TextCard } from './AuthoredTextCard.tsx';
import type { ContentProps } from './contentProps.ts';
import { noteField } from './textFields.tsx';

const CLIENT_NOTE: TextCard<{ text: string }> = {
  name: 'client-note',
  command: ({ text }) => ({ type: 'writeClientNote', text }),
  blank: { text: '' },
};

/**
 * The client's own notes while the consultants speak [R61]: the client listens and notes for
 * themselves, never on the group's board. Nobody else is shown this card, nor reads the note.
 */
export function ClientNoteCard(props: ContentProps) {
  const { view, myId } = props;
  const w = usePageMessages().content.clientNote;
  const consultation = currentConsultation(view);
  if (!consultation || !canSend(view, myId, 'writeClientNote')) return null;
  return (
    <AuthoredTextCard
      {...props}
      card={CLIENT_NOTE}
      fields={{
        text: noteField(w.text, 'client-note-text'),
      }}
      title={w.title}
      intro={<p className="notes__privacy">{w.privacy}</p>}
      text={view.clientNotes[consultation.id]}
      about={consultation.id}
    />
  );
}
