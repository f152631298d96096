// Control characters other than tab and line feed have no place in anything a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** A single-line name: trimmed, non-empty, within `maxChars`, no control characters. */
export function isValidName(value: string, maxChars: number): boolean {
  const trimmed = value.trim();
  return (
    trimmed.length > 0 &&
    trimmed.length <= maxChars &&
    !FORBIDDEN_CHARS.test(trimmed) &&
    !trimmed.includes('\t') &&
    !trimmed.includes('\n')
  );
}

/** Free text (notes): may be empty or span lines, within `maxChars`, no other control characters. */
export function isValidText(value: string, maxChars: number): boolean {
  return value.length <= maxChars && !FORBIDDEN_CHARS.test(value);
}
