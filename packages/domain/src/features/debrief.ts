import { ANY_TIME, type CommandEntries } from '../commandEntry.ts';
import type { Debrief } from '../content.ts';
import { accept, reject } from '../decision.ts';
import { aboutText, type EventEntries } from '../eventEntry.ts';
import { Rejection } from '../rejection.ts';
import { isLongText } from '../text.ts';
import { keptVisibility, putText } from '../textKinds.ts';

/** The previous client tells what they tried since the last session [R26]. */
export type DebriefCommand = {
  readonly type: 'writeDebrief';
  readonly tried: string;
  readonly worked: string;
  readonly didNotWork: string;
};

export type DebriefEvent = { readonly type: 'debriefWritten'; readonly debrief: Debrief };

export const debriefCommands: CommandEntries<DebriefCommand> = {
  writeDebrief: {
    who: 'previousClient',
    when: ANY_TIME,
    isWholeText: true,
    decide(state, { tried, worked, didNotWork }, actor, now) {
      if (![tried, worked, didNotWork].every(isLongText)) return reject(Rejection.invalidText);
      const before = state.debrief;
      if (before?.tried === tried && before.worked === worked && before.didNotWork === didNotWork)
        return reject(Rejection.unchanged);
      const visibility = keptVisibility('debrief', before?.visibility);
      return accept({
        type: 'debriefWritten',
        debrief: { authorId: actor.id, tried, worked, didNotWork, visibility, at: now },
      });
    },
  },
};

export const debriefEvents: EventEntries<DebriefEvent> = {
  debriefWritten: {
    apply: (state, { debrief }) => putText(state, { kind: 'debrief', debrief }),
    privacy: aboutText(({ debrief }) => ({
      ref: { kind: 'debrief', id: debrief.authorId },
      version: { kind: 'debrief', debrief },
    })),
  },
};
