import { namesOf } from './namesOf.ts';

/**
 * Who may read a text besides its author: nobody else, the client it was written for, or the
 * whole group. The facilitator has no reading privilege: facilitating is not supervising.
 */
export const VISIBILITIES = ['me', 'client', 'group'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const Visibility = namesOf(VISIBILITIES);

/** The kinds of text a person writes and chooses the readers of. */
export const TEXT_KINDS = [
  'note',
  'debrief',
  'suggestion',
  'actionPlan',
  'learnings',
  'evaluation',
  'observerFeedback',
  'boardSort',
  'clientNote',
  'stageNotes',
] as const;
export type TextKind = (typeof TEXT_KINDS)[number];
export const TextKind = namesOf(TEXT_KINDS);

/**
 * Names one text: `id` is its author for per-person texts, its own id for a suggestion, its
 * consultation for an action plan (`previous` for the plan carried over from the last session) and
 * for a client's note.
 */
export interface TextRef {
  readonly kind: TextKind;
  readonly id: string;
}

/** The rule every view applies: the author, the addressed client, or everyone for the group. */
export function canRead(
  viewerId: string,
  text: { readonly authorId: string; readonly visibility: Visibility },
  clientId: string | null,
): boolean {
  if (viewerId === text.authorId) return true;
  if (text.visibility === Visibility.group) return true;
  return text.visibility === Visibility.client && clientId !== null && viewerId === clientId;
}
