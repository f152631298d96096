import { LIMITS } from './limits.ts';
import { cleanName } from './names.ts';

// Control characters other than tab and line feed have no place in anything a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** A name as `cleanName` keeps it is non-empty and within `maxChars` [R47]. */
export function isValidName(value: string, maxChars: number): boolean {
  const name = cleanName(value);
  return name.length > 0 && name.length <= maxChars;
}

/** Free text (notes): may be empty or span lines, within `maxChars`, no other control characters. */
export function isValidText(value: string, maxChars: number): boolean {
  return value.length <= maxChars && !FORBIDDEN_CHARS.test(value);
}

/** Case summaries, requests, suggestions, plan lines, comments: a few lines each. */
export const isShortText = (value: string) => isValidText(value, LIMITS.shortTextMaxChars);
/** Debriefs and learnings: a page at most. */
export const isLongText = (value: string) => isValidText(value, LIMITS.longTextMaxChars);

/** A real YYYY-MM-DD date, checked by arithmetic: the domain reads no clock and builds no Date. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}
