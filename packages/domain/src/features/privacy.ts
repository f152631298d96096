import { ANY_TIME, type CommandEntries } from '../commandEntry.ts';
import { isPublishedTally, withShare } from '../content.ts';
import { eraseContentOf, textsBy } from '../contributions.ts';
import { accept, reject } from '../decision.ts';
import type { SessionEvent } from '../event.ts';
import { aboutText, type EventEntries, PUBLIC } from '../eventEntry.ts';
import { isListeningOver } from '../listening.ts';
import { Rejection } from '../rejection.ts';
import {
  changeVisibility,
  findText,
  KIND_VISIBILITIES,
  putText,
  refOf,
  removeText,
  type SharedText,
} from '../textKinds.ts';
import type { TextRef, Visibility } from '../visibility.ts';

/** Who reads each text, and erasing one's data [R36]–[R38] [R44]. */
export type PrivacyCommand =
  | { readonly type: 'setVisibility'; readonly ref: TextRef; readonly visibility: Visibility }
  | { readonly type: 'eraseMyContent' };

export type PrivacyEvent =
  | { readonly type: 'visibilityChanged'; readonly ref: TextRef; readonly visibility: Visibility }
  /** Only ever sent to a reader let in by a visibility change: `decide` never records it. */
  | { readonly type: 'textShown'; readonly text: SharedText }
  /** Only ever sent to a reader shut out by a visibility change: `decide` never records it. */
  | { readonly type: 'textHidden'; readonly ref: TextRef }
  | { readonly type: 'contentErased'; readonly personId: string };

export const privacyCommands: CommandEntries<PrivacyCommand> = {
  // Only its author changes who reads a text.
  setVisibility: {
    who: 'member',
    when: ANY_TIME,
    isWholeText: false,
    decide(state, { ref, visibility }, actor) {
      const found = findText(state, ref);
      if (!found) return reject(Rejection.unknownText);
      if (found.text.authorId !== actor.id) return reject(Rejection.notAuthor);
      if (!KIND_VISIBILITIES[ref.kind].includes(visibility))
        return reject(Rejection.invalidVisibility);
      if (found.text.visibility === visibility) return reject(Rejection.unchanged);
      // The client's sort stays theirs while they listen; they share it from the synthesis [R73].
      if (ref.kind === 'boardSort' && visibility !== 'me' && !isListeningOver(state))
        return reject(Rejection.clientListens);
      return accept({ type: 'visibilityChanged', ref, visibility });
    },
  },
  eraseMyContent: {
    who: 'memberOrAuthor',
    when: ANY_TIME,
    isWholeText: false,
    decide(state, _command, actorId) {
      if (textsBy(state, actorId) === 0) return reject(Rejection.unchanged);
      const events: SessionEvent[] = [{ type: 'contentErased', personId: actorId }];
      // A published tally that moved at a named person's erasure would publish what they erased:
      // it keeps their share. One nobody reads yet lets it go, unseen [R48].
      const evaluation = state.evaluations[actorId];
      if (evaluation && !isPublishedTally(state.evaluationTally))
        events.push({
          type: 'evaluationTallied',
          tally: withShare(state.evaluationTally, evaluation, -1),
        });
      return accept(...events);
    },
  },
};

export const privacyEvents: EventEntries<PrivacyEvent> = {
  visibilityChanged: {
    apply: (state, { ref, visibility }) => changeVisibility(state, ref, visibility),
    // Its author follows the change; a reader let in gets the whole text; everyone else is told
    // to drop it if they had it [R37].
    privacy: {
      audience: 'eachReader',
      show(event, reader, state) {
        const found = findText(state, event.ref);
        if (found && found.text.authorId === reader.id) return event;
        if (found && reader.reads(found)) return { type: 'textShown', text: found.shared };
        return { type: 'textHidden', ref: event.ref };
      },
    },
  },
  textShown: {
    apply: (state, { text }) => putText(state, text),
    privacy: aboutText(({ text }) => ({ ref: refOf(text), version: text })),
  },
  // It names a text and holds none of it.
  textHidden: {
    apply: (state, { ref }) => removeText(state, ref),
    privacy: { audience: 'eachReader', show: (event) => event },
  },
  contentErased: {
    apply: (state, { personId }) => eraseContentOf(state, personId),
    privacy: PUBLIC,
  },
};
