import type { Consultation } from './content.ts';
import { Rejection } from './rejection.ts';
import { currentConsultation, type SessionState } from './session.ts';
import { isShortText } from './text.ts';

/** The text of a new list item (question, suggestion, stage note): trimmed, never empty, a few lines. */
export function itemText(value: string): string | null {
  const text = value.trim();
  return text.length > 0 && isShortText(text) ? text : null;
}

/** A new item of the consultation under way, with its text; or why there can be none. */
export function consultationItem(
  state: SessionState,
  value: string,
): { readonly consultation: Consultation; readonly text: string } | Rejection {
  const consultation = currentConsultation(state);
  if (!consultation) return Rejection.noConsultation;
  const text = itemText(value);
  return text === null ? Rejection.invalidText : { consultation, text };
}
