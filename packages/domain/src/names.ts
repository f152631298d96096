/**
 * Names people see of each other (display names, the group's name, stage and case titles) are
 * cleaned here, once, for every door: a name must read as what it is, so nothing in it may reorder,
 * hide or pile up over the text around it in someone else's roster [R47].
 */

/** Combining marks kept on one letter: enough for Vietnamese or Thai, too few to spill over lines. */
export const COMBINING_MARKS_MAX = 2;

/** Line breaks, tabs, every Unicode space, and the braille blank that renders as one. */
const SPACES = /[\p{White_Space}\u2800]+/gu;
/**
 * Controls (C0, DEL, C1), format characters (bidi embeddings, overrides, isolates and marks,
 * zero-width spaces and joiners, the soft hyphen, tags), lone surrogates, and what Unicode says
 * to render as nothing (Hangul fillers, variation selectors).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;
const MARK = /^\p{M}$/u;

/** At most `COMBINING_MARKS_MAX` marks after each letter; none with no letter to sit on. */
function capMarks(name: string): string {
  let kept = '';
  let marks = 0;
  let hasBase = false;
  for (const char of name) {
    if (MARK.test(char)) {
      if (hasBase && marks < COMBINING_MARKS_MAX) {
        kept += char;
        marks += 1;
      }
      continue;
    }
    kept += char;
    marks = 0;
    hasBase = char !== ' ';
  }
  return kept;
}

/**
 * The name as the session keeps it: NFC, spaces and line breaks as single spaces, no control,
 * bidi, zero-width or other invisible character, combining marks capped, trimmed. Empty when
 * nothing visible is left: the caller refuses it or falls back to a default.
 */
export function cleanName(raw: string): string {
  let name = raw.replace(SPACES, ' ').replace(INVISIBLE, '');
  // Composing can free marks a decomposition held (and a few characters decompose into two
  // marks): settle both, which takes one or two rounds.
  for (let round = 0; round < 4; round++) {
    const next = capMarks(name.normalize('NFC'));
    if (next === name) break;
    name = next;
  }
  return name.replace(/ {2,}/g, ' ').trim();
}

/**
 * Whether someone in `people` other than `exceptId` already goes by `name` once cleaned: a session
 * seats nobody twice under the same name, so a second device cannot quietly become a second person.
 */
export function isNameTaken(
  people: readonly { readonly id: string; readonly displayName: string }[],
  name: string,
  exceptId?: string,
): boolean {
  const cleaned = cleanName(name);
  return people.some((person) => person.id !== exceptId && person.displayName === cleaned);
}

/**
 * A name nobody in `people` holds: `name` cleaned, or numbered ("Kim (2)") and cut to `maxChars`.
 * For names a person did not choose just now (a host's screen name, a member following the group):
 * they are let in under a number rather than refused.
 */
export function distinctName(
  people: readonly { readonly id: string; readonly displayName: string }[],
  name: string,
  maxChars: number,
): string {
  const base = cleanName(name);
  if (!base || !isNameTaken(people, base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    let cut = '';
    // By code points, so an emoji at the edge is dropped whole rather than split in two.
    for (const char of base) {
      if (cut.length + char.length + suffix.length > maxChars) break;
      cut += char;
    }
    const numbered = `${cleanName(cut)}${suffix}`;
    if (!isNameTaken(people, numbered)) return numbered;
  }
}
