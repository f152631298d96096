import { type CommandEntries, WHILE_LIVE } from '../commandEntry.ts';
import type { StageNotes } from '../content.ts';
import { accept, reject } from '../decision.ts';
import { aboutText, type EventEntries } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { itemText } from '../newItem.ts';
import { Rejection } from '../rejection.ts';
import { currentStage } from '../session.ts';
import { keptVisibility, putText } from '../textKinds.ts';

/** The observer's notes, stage by stage, each with its stage and time [R62]. */
export type ObservationCommand = { readonly type: 'addStageNote'; readonly text: string };

export type ObservationEvent = { readonly type: 'stageNotesWritten'; readonly notes: StageNotes };

export const observationCommands: CommandEntries<ObservationCommand> = {
  addStageNote: {
    who: 'observer',
    when: WHILE_LIVE,
    isWholeText: false,
    decide(state, command, actor, now) {
      const text = itemText(command.text);
      if (text === null) return reject(Rejection.invalidText);
      const before = state.stageNotes[actor.id];
      const entries = before?.entries ?? [];
      if (entries.length >= LIMITS.stageNotesMax) return reject(Rejection.tooManyItems);
      // The whole text travels, as every text does: a reader let in late holds it all.
      return accept({
        type: 'stageNotesWritten',
        notes: {
          authorId: actor.id,
          entries: [...entries, { stageKey: currentStage(state).key, text, at: now }],
          visibility: keptVisibility('stageNotes', before?.visibility),
          at: now,
        },
      });
    },
  },
};

export const observationEvents: EventEntries<ObservationEvent> = {
  stageNotesWritten: {
    apply: (state, { notes }) => putText(state, { kind: 'stageNotes', notes }),
    privacy: aboutText(({ notes }) => ({
      ref: { kind: 'stageNotes', id: notes.authorId },
      version: { kind: 'stageNotes', notes },
    })),
  },
};
