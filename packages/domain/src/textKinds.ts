import type {
  ActionPlan,
  BoardSort,
  ClientNote,
  Debrief,
  Evaluation,
  Learnings,
  Note,
  ObserverFeedback,
  StageNotes,
  Suggestion,
} from './content.ts';
import { without } from './record.ts';
import { type SessionState, withConsultation } from './session.ts';
import { canRead, TEXT_KINDS, type TextKind, type TextRef, type Visibility } from './visibility.ts';

/** A whole text with its place, as sent to someone who has just been let in to read it. */
export type SharedText =
  | { readonly kind: 'note'; readonly note: Note }
  | { readonly kind: 'debrief'; readonly debrief: Debrief }
  | {
      readonly kind: 'suggestion';
      readonly consultationId: string;
      readonly suggestion: Suggestion;
    }
  | { readonly kind: 'actionPlan'; readonly consultationId: string; readonly plan: ActionPlan }
  | { readonly kind: 'learnings'; readonly learnings: Learnings }
  | { readonly kind: 'evaluation'; readonly evaluation: Evaluation }
  | { readonly kind: 'observerFeedback'; readonly feedback: ObserverFeedback }
  | { readonly kind: 'boardSort'; readonly boardSort: BoardSort }
  | { readonly kind: 'clientNote'; readonly note: ClientNote }
  | { readonly kind: 'stageNotes'; readonly notes: StageNotes };

type SharedTextOf<K extends TextKind> = Extract<SharedText, { readonly kind: K }>;

/** Every text a person writes and chooses the readers of has an author and a visibility. */
export type AuthoredText =
  | Note
  | Debrief
  | Suggestion
  | ActionPlan
  | Learnings
  | Evaluation
  | ObserverFeedback
  | BoardSort
  | ClientNote
  | StageNotes;

export interface FoundText {
  readonly ref: TextRef;
  readonly text: AuthoredText;
  readonly shared: SharedText;
  /** The client the text may be addressed to: its consultation's. */
  readonly clientId: string | null;
}

/**
 * The plan the group's previous consultation ended on, carried into this session for its debrief
 * [R26] [R41]: an action plan that lives outside this session's consultations, named by this id.
 */
export const CARRIED_PLAN_ID = 'previous';

/**
 * One kind of text: what it accepts and where it lives. Everything else — who reads it, what a view
 * keeps, what erasing, exporting and counting someone's data take — follows from these columns and
 * the text's own `authorId` and `visibility`.
 */
interface TextKindEntry<K extends TextKind> {
  /** The visibilities it accepts, its default first [R36]. */
  readonly visibilities: readonly [Visibility, ...Visibility[]];
  /** Every text of the kind in the session, each with the id its reference names it by. */
  all(state: SessionState): readonly FoundText[];
  /** The id a reference names this text by. */
  idOf(shared: SharedTextOf<K>): string;
  /** Puts a whole text in its place, replacing an earlier version. */
  put(state: SessionState, shared: SharedTextOf<K>): SessionState;
  /** Takes out the text its reference's id names. */
  remove(state: SessionState, id: string): SessionState;
  withVisibility(shared: SharedTextOf<K>, visibility: Visibility): SharedTextOf<K>;
}

/** Where a kind kept one per key lives: a record of the state, by that key. */
interface KeyedRecord<K extends TextKind, T extends AuthoredText> {
  readonly visibilities: readonly [Visibility, ...Visibility[]];
  texts(state: SessionState): Readonly<Record<string, T>>;
  withTexts(state: SessionState, texts: Readonly<Record<string, T>>): SessionState;
  share(text: T): SharedTextOf<K>;
  unshare(shared: SharedTextOf<K>): T;
}

/** The entry of a kind kept at most one per key (its author, its consultation), named by that key. */
function onePer<K extends TextKind, T extends AuthoredText>(
  kind: K,
  keyOf: (text: T) => string,
  place: KeyedRecord<K, T>,
): TextKindEntry<K> {
  return {
    visibilities: place.visibilities,
    all: (state) =>
      Object.entries(place.texts(state)).map(([key, text]) => ({
        ref: { kind, id: key },
        text,
        shared: place.share(text),
        clientId: null,
      })),
    idOf: (shared) => keyOf(place.unshare(shared)),
    put: (state, shared) => {
      const text = place.unshare(shared);
      return place.withTexts(state, { ...place.texts(state), [keyOf(text)]: text });
    },
    remove: (state, id) => place.withTexts(state, without(place.texts(state), id)),
    withVisibility: (shared, visibility) => place.share({ ...place.unshare(shared), visibility }),
  };
}

/** The entry of a kind each person writes at most one of, named by its author. */
const oneByAuthor = <K extends TextKind, T extends AuthoredText>(
  kind: K,
  place: KeyedRecord<K, T>,
) => onePer(kind, (text) => text.authorId, place);

/** The entry of a kind kept at most one per consultation, named by it. */
const onePerConsultation = <
  K extends TextKind,
  T extends AuthoredText & { readonly consultationId: string },
>(
  kind: K,
  place: KeyedRecord<K, T>,
) => onePer(kind, (text) => text.consultationId, place);

export const TEXT_KIND_TABLE: { readonly [K in TextKind]: TextKindEntry<K> } = {
  note: oneByAuthor('note', {
    visibilities: ['me', 'group'],
    texts: (state) => state.notes,
    withTexts: (state, notes) => ({ ...state, notes }),
    share: (note) => ({ kind: 'note', note }),
    unshare: ({ note }) => note,
  }),
  debrief: {
    visibilities: ['group', 'me'],
    all: (state) =>
      state.debrief
        ? [
            {
              ref: { kind: 'debrief', id: state.debrief.authorId },
              text: state.debrief,
              shared: { kind: 'debrief', debrief: state.debrief },
              clientId: null,
            },
          ]
        : [],
    idOf: ({ debrief }) => debrief.authorId,
    put: (state, { debrief }) => ({ ...state, debrief }),
    remove: (state, id) => (state.debrief?.authorId === id ? { ...state, debrief: null } : state),
    withVisibility: (shared, visibility) => ({
      ...shared,
      debrief: { ...shared.debrief, visibility },
    }),
  },
  // Only a suggestion is written for someone else: the client of its consultation.
  suggestion: {
    visibilities: ['group', 'client'],
    all: (state) =>
      state.consultations.flatMap((c) =>
        c.suggestions.map((suggestion) => ({
          ref: { kind: 'suggestion', id: suggestion.id },
          text: suggestion,
          shared: { kind: 'suggestion', consultationId: c.id, suggestion },
          clientId: c.clientId,
        })),
      ),
    idOf: ({ suggestion }) => suggestion.id,
    put: (state, { consultationId, suggestion }) =>
      withConsultation(state, consultationId, (c) => {
        const others = c.suggestions.filter((s) => s.id !== suggestion.id);
        // Suggestions keep the order they were posted in, whoever was let in to read them late.
        const suggestions = [...others, suggestion].sort((a, b) =>
          a.at === b.at ? a.id.localeCompare(b.id, 'en', { numeric: true }) : a.at - b.at,
        );
        return { ...c, suggestions };
      }),
    remove: (state, id) => ({
      ...state,
      consultations: state.consultations.map((c) => ({
        ...c,
        suggestions: c.suggestions.filter((s) => s.id !== id),
      })),
    }),
    withVisibility: (shared, visibility) => ({
      ...shared,
      suggestion: { ...shared.suggestion, visibility },
    }),
  },
  actionPlan: {
    visibilities: ['group', 'me'],
    all: (state) => {
      const carried = state.previous?.plan;
      const plans: FoundText[] = carried
        ? [
            {
              ref: { kind: 'actionPlan', id: CARRIED_PLAN_ID },
              text: carried,
              shared: { kind: 'actionPlan', consultationId: CARRIED_PLAN_ID, plan: carried },
              clientId: null,
            },
          ]
        : [];
      for (const c of state.consultations)
        if (c.plan)
          plans.push({
            ref: { kind: 'actionPlan', id: c.id },
            text: c.plan,
            shared: { kind: 'actionPlan', consultationId: c.id, plan: c.plan },
            clientId: c.clientId,
          });
      return plans;
    },
    idOf: ({ consultationId }) => consultationId,
    put: (state, { consultationId, plan }) => {
      if (consultationId !== CARRIED_PLAN_ID)
        return withConsultation(state, consultationId, (c) => ({ ...c, plan }));
      return state.previous ? { ...state, previous: { ...state.previous, plan } } : state;
    },
    remove: (state, id) => {
      if (id !== CARRIED_PLAN_ID) return withConsultation(state, id, (c) => ({ ...c, plan: null }));
      return state.previous ? { ...state, previous: { ...state.previous, plan: null } } : state;
    },
    withVisibility: (shared, visibility) => ({ ...shared, plan: { ...shared.plan, visibility } }),
  },
  learnings: oneByAuthor('learnings', {
    visibilities: ['me', 'group'],
    texts: (state) => state.learnings,
    withTexts: (state, learnings) => ({ ...state, learnings }),
    share: (learnings) => ({ kind: 'learnings', learnings }),
    unshare: ({ learnings }) => learnings,
  }),
  evaluation: oneByAuthor('evaluation', {
    visibilities: ['me', 'group'],
    texts: (state) => state.evaluations,
    withTexts: (state, evaluations) => ({ ...state, evaluations }),
    share: (evaluation) => ({ kind: 'evaluation', evaluation }),
    unshare: ({ evaluation }) => evaluation,
  }),
  observerFeedback: oneByAuthor('observerFeedback', {
    visibilities: ['me', 'group'],
    texts: (state) => state.observerFeedback,
    withTexts: (state, observerFeedback) => ({ ...state, observerFeedback }),
    share: (feedback) => ({ kind: 'observerFeedback', feedback }),
    unshare: ({ feedback }) => feedback,
  }),
  // The client's sort of their board, one per consultation: private while they listen [R73].
  boardSort: onePerConsultation('boardSort', {
    visibilities: ['me', 'group'],
    texts: (state) => state.boardSorts,
    withTexts: (state, boardSorts) => ({ ...state, boardSorts }),
    share: (boardSort) => ({ kind: 'boardSort', boardSort }),
    unshare: ({ boardSort }) => boardSort,
  }),
  // Only ever its author's: the client listens and notes without answering in public [R61].
  clientNote: onePerConsultation('clientNote', {
    visibilities: ['me'],
    texts: (state) => state.clientNotes,
    withTexts: (state, clientNotes) => ({ ...state, clientNotes }),
    share: (note) => ({ kind: 'clientNote', note }),
    unshare: ({ note }) => note,
  }),
  stageNotes: oneByAuthor('stageNotes', {
    visibilities: ['me', 'group'],
    texts: (state) => state.stageNotes,
    withTexts: (state, stageNotes) => ({ ...state, stageNotes }),
    share: (notes) => ({ kind: 'stageNotes', notes }),
    unshare: ({ notes }) => notes,
  }),
};

/** The table read for any kind: each row only ever receives texts of its own kind. */
function entryOf(kind: TextKind): TextKindEntry<TextKind> {
  return TEXT_KIND_TABLE[kind] as TextKindEntry<TextKind>;
}

/** The visibilities each kind accepts, the first being the default [R36]. */
export const KIND_VISIBILITIES: Readonly<Record<TextKind, readonly Visibility[]>> = (() => {
  const byKind: Partial<Record<TextKind, readonly Visibility[]>> = {};
  for (const kind of TEXT_KINDS) byKind[kind] = TEXT_KIND_TABLE[kind].visibilities;
  return byKind as Record<TextKind, readonly Visibility[]>;
})();

export function defaultVisibility(kind: TextKind): Visibility {
  return TEXT_KIND_TABLE[kind].visibilities[0];
}

/** A rewritten text keeps the visibility its author chose; a new one gets its kind's default. */
export function keptVisibility(kind: TextKind, existing: Visibility | undefined): Visibility {
  return existing ?? defaultVisibility(kind);
}

export function everyText(state: SessionState): readonly FoundText[] {
  return TEXT_KINDS.flatMap((kind) => TEXT_KIND_TABLE[kind].all(state));
}

/** Finds a text by its reference. */
export function findText(state: SessionState, ref: TextRef): FoundText | null {
  return (
    entryOf(ref.kind)
      .all(state)
      .find((found) => found.ref.id === ref.id) ?? null
  );
}

export function refOf(shared: SharedText): TextRef {
  return { kind: shared.kind, id: entryOf(shared.kind).idOf(shared) };
}

export function putText(state: SessionState, shared: SharedText): SessionState {
  return entryOf(shared.kind).put(state, shared);
}

export function removeText(state: SessionState, ref: TextRef): SessionState {
  return entryOf(ref.kind).remove(state, ref.id);
}

export function changeVisibility(
  state: SessionState,
  ref: TextRef,
  visibility: Visibility,
): SessionState {
  const found = findText(state, ref);
  if (!found) return state;
  return putText(state, entryOf(ref.kind).withVisibility(found.shared, visibility));
}

/** Who reads: a person, and the rule [R36] judged against the session as it is now. */
export interface Reader {
  readonly id: string;
  reads(found: Pick<FoundText, 'text' | 'clientId'>): boolean;
}

/** The rule of `canRead`, for members only: someone outside the roster is not "the group". */
export function readerOf(state: SessionState, readerId: string): Reader {
  const isMember = state.people.some((p) => p.id === readerId);
  return {
    id: readerId,
    reads: ({ text, clientId }) => isMember && canRead(readerId, text, clientId),
  };
}
