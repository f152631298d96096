import { LIMITS } from '@cercle/domain';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { ConnectionStatus } from '../sync/syncClient.ts';
import { useDraft } from '../ui/useDraft.ts';
import { canSend } from './canSend.ts';
import type { ContentProps } from './content/contentProps.ts';

/** Typing pauses this long before the note is sent. */
export const NOTE_SAVE_DELAY_MS = 800;

export type SaveState = 'saved' | 'saving' | 'offline';

export function NotesPane({
  view,
  myId,
  status,
  send,
}: ContentProps & { status: ConnectionStatus }) {
  const { t } = useI18n();
  const savedText = view.notes[myId]?.text ?? '';
  const [draft, setDraft] = useDraft(`${view.id}:${myId}:note`, savedText);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef<string | null>(null);

  // Sends the draft once typing pauses, and again after a reconnect if it never arrived.
  useEffect(() => {
    if (draft === savedText || status !== 'connected') return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (lastSent.current === draft) return;
      lastSent.current = draft;
      send({ type: 'writeNote', text: draft });
    }, NOTE_SAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [draft, savedText, status, send]);

  useEffect(() => {
    if (status !== 'connected') lastSent.current = null;
  }, [status]);

  const saveState: SaveState =
    draft === savedText ? 'saved' : status === 'connected' ? 'saving' : 'offline';
  return (
    <section className="card notes" aria-labelledby="notes-title">
      <h2 id="notes-title" className="card__title">
        {t.notes.title}
      </h2>
      <p className="notes__privacy" id="notes-privacy">
        {t.notes.privacy}
      </p>
      <textarea
        className="notes__text"
        data-testid="notes"
        aria-labelledby="notes-title"
        aria-describedby="notes-privacy notes-state"
        placeholder={t.notes.placeholder}
        maxLength={LIMITS.noteMaxChars}
        readOnly={!canSend(view, myId, 'writeNote')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        rows={6}
      />
      <p
        className={`notes__state notes__state--${saveState}`}
        id="notes-state"
        data-testid="notes-state"
        role="status"
      >
        {t.notes[saveState]}
      </p>
    </section>
  );
}
