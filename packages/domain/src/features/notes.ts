import { ANY_TIME, type CommandEntries } from '../commandEntry.ts';
import type { ClientNote } from '../content.ts';
import { accept, reject } from '../decision.ts';
import { aboutText, type EventEntries } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { Rejection } from '../rejection.ts';
import { currentConsultation } from '../session.ts';
import { isValidText } from '../text.ts';
import { keptVisibility, putText } from '../textKinds.ts';
import type { Visibility } from '../visibility.ts';

/** Each person's notes pane, private until shared [R18]; the client's own during consultation [R61]. */
export type NoteCommand =
  | { readonly type: 'writeNote'; readonly text: string }
  | { readonly type: 'writeClientNote'; readonly text: string };

export type NoteEvent =
  | {
      readonly type: 'noteWritten';
      readonly authorId: string;
      readonly text: string;
      readonly at: number;
      /** Absent in events recorded before notes could be shared: those were private. */
      readonly visibility?: Visibility;
    }
  | { readonly type: 'clientNoteWritten'; readonly note: ClientNote };

export const noteCommands: CommandEntries<NoteCommand> = {
  writeNote: {
    who: 'member',
    when: ANY_TIME,
    isWholeText: true,
    decide(state, { text }, actor, now) {
      if (!isValidText(text, LIMITS.noteMaxChars)) return reject(Rejection.invalidText);
      const before = state.notes[actor.id];
      if (before?.text === text) return reject(Rejection.unchanged);
      const visibility = keptVisibility('note', before?.visibility);
      return accept({ type: 'noteWritten', authorId: actor.id, text, at: now, visibility });
    },
  },
  writeClientNote: {
    who: 'client',
    when: ANY_TIME,
    isWholeText: true,
    decide(state, { text }, actor, now) {
      const consultation = currentConsultation(state);
      if (!consultation) return reject(Rejection.noConsultation);
      if (!isValidText(text, LIMITS.noteMaxChars)) return reject(Rejection.invalidText);
      const before = state.clientNotes[consultation.id];
      if (before?.text === text) return reject(Rejection.unchanged);
      return accept({
        type: 'clientNoteWritten',
        note: {
          authorId: actor.id,
          consultationId: consultation.id,
          text,
          visibility: keptVisibility('clientNote', before?.visibility),
          at: now,
        },
      });
    },
  },
};

export const noteEvents: EventEntries<NoteEvent> = {
  noteWritten: {
    apply: (state, { authorId, text, at, visibility }) =>
      putText(state, {
        kind: 'note',
        note: {
          authorId,
          text,
          visibility: visibility ?? keptVisibility('note', state.notes[authorId]?.visibility),
          updatedAt: at,
        },
      }),
    privacy: aboutText(({ authorId, text, at, visibility }) => ({
      ref: { kind: 'note', id: authorId },
      version: {
        kind: 'note',
        note: { authorId, text, visibility: visibility ?? 'me', updatedAt: at },
      },
    })),
  },
  clientNoteWritten: {
    apply: (state, { note }) => putText(state, { kind: 'clientNote', note }),
    privacy: aboutText(({ note }) => ({
      ref: { kind: 'clientNote', id: note.consultationId },
      version: { kind: 'clientNote', note },
    })),
  },
};
