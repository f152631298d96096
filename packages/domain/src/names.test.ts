import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { LIMITS } from './limits.ts';
import { COMBINING_MARKS_MAX, cleanName } from './names.ts';
import { createSession } from './session.ts';
import { REMOTE_TWO_HOURS } from './templates.ts';
import { makeLiveSession, makeSession, run, T0 } from './testing/builders.ts';
import { mulberry32 } from './testing/prng.ts';
import { isValidName } from './text.ts';

/**
 * The review's probes [R47]: what a name typed or sent by a host becomes. `null` means nothing is
 * left, so the name is refused (a host's screen name falls back to a default instead).
 */
// biome-ignore format: a table reads in columns
const PROBES: ReadonlyArray<readonly [what: string, raw: string, cleaned: string | null]> = [
  ['right-to-left override', 'Awa\u202Enimda', 'Awanimda'],
  ['override wrapping a name', '\u202Enimda\u202C', 'nimda'],
  ['embeddings and marks', '\u202AKim\u202B\u200E\u200F\u061C', 'Kim'],
  ['bidi isolates', '\u2066Kim\u2069 \u2067Bo\u2068', 'Kim Bo'],
  ['zero-width only', '\u200B\u200C\u200D', null],
  ['word joiner and BOM only', '\u2060\uFEFF', null],
  ['zero-width inside a name', 'A\u200Bw\u200Da', 'Awa'],
  ['soft hyphen', 'Awa\u00AD', 'Awa'],
  ['Hangul filler only', '\u3164\u3164', null],
  ['braille blank only', '\u2800', null],
  ['no-break spaces only', '\u00A0\u2007\u202F', null],
  ['line separator', 'Awa\u2028Admin', 'Awa Admin'],
  ['paragraph separator', 'Awa\u2029', 'Awa'],
  ['line feed and tab', 'Awa\n\tDiallo', 'Awa Diallo'],
  ['C0 controls', 'A\u0000w\u0007a\u001B', 'Awa'],
  ['DEL', 'Awa\u007F', 'Awa'],
  ['C1 next line', 'Awa\u0085Diallo', 'Awa Diallo'],
  ['C1 control sequence introducer', 'Awa\u009B31m', 'Awa31m'],
  ['lone high surrogate', 'Kim\uD800', 'Kim'],
  ['lone low surrogate', '\uDC00Kim', 'Kim'],
  ['reversed surrogate pair', 'Kim\uDC00\uD800', 'Kim'],
  ['dozens of stacked marks', `Zalgo${'\u0336'.repeat(40)}`, 'Zalgo\u0336\u0336'],
  ['marks on every letter', `a${'\u0336\u0337\u0336'.repeat(5)}b${'\u0308'.repeat(9)}`, 'a\u0336\u0337b\u0308\u0308'],
  ['marks with no letter', '\u0301\u0302\u0303', null],
  ['marks after a space', `Kim ${'\u0336'.repeat(5)}Bo`, 'Kim Bo'],
  ['decomposed accents compose (NFC)', 'Chloe\u0301', 'Chloé'],
  ['two marks on one letter compose', 'Nguye\u0302\u0303n', 'Nguyễn'],
  ['spaces trimmed and collapsed', '  Awa   Diallo  ', 'Awa Diallo'],
  ['emoji joiners dropped, emoji kept', '\u{1F469}\u200D\u{1F4BB} Awa', '\u{1F469}\u{1F4BB} Awa'],
  ['empty', '', null],
  ['spaces', '   ', null],
];

/** Names of real people that must come out exactly as they went in. */
const KEPT = [
  'Awa Diallo',
  'Chloé Martin',
  'Zoë',
  'Łukasz Żółć',
  'Nguyễn Thị Minh Khai',
  'محمد الأمين',
  'דוד כהן',
  '山田 太郎',
  'Ana-María O’Brien',
  'अंजलि शर्मा',
  'ปู่ สมชาย',
  'Ἀθηνᾶ',
  'Kim (invitée)',
];

describe('[R47] names are cleaned in one place', () => {
  it.each(PROBES)('%s', (_what, raw, cleaned) => {
    expect(cleanName(raw)).toBe(cleaned ?? '');
    expect(isValidName(raw, LIMITS.displayNameMaxChars)).toBe(cleaned !== null);
  });

  it.each(KEPT)('keeps %s as it is', (name) => {
    expect(cleanName(name)).toBe(name);
  });

  it('a long name is measured once cleaned: invisible characters do not count', () => {
    const sixty = 'a'.repeat(LIMITS.displayNameMaxChars);
    expect(isValidName(`${sixty}\u200B\u200B`, LIMITS.displayNameMaxChars)).toBe(true);
    expect(isValidName(`${sixty}b`, LIMITS.displayNameMaxChars)).toBe(false);
  });

  // Seeded: a failing seed is printed and becomes a named case above.
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seed %i: whatever comes in, what comes out is clean and stays so',
    (seed) => {
      const random = mulberry32(seed);
      const alphabet = [
        'a',
        'Z',
        'é',
        ' ',
        '\t',
        '\n',
        '\u00A0',
        '\u0000',
        '\u0085',
        '\u009B',
        '\u007F',
        '\u202E',
        '\u2066',
        '\u200B',
        '\u200D',
        '\uFEFF',
        '\u2028',
        '\u3164',
        '\u2800',
        '\u0301',
        '\u0336',
        '\u0308',
        '\uD800',
        '\uDC00',
        '\u{1F469}',
        'ا',
        'ย',
        '\u0E48',
      ];
      for (let i = 0; i < 500; i++) {
        const length = Math.floor(random() * 24);
        const raw = Array.from(
          { length },
          () => alphabet[Math.floor(random() * alphabet.length)],
        ).join('');
        const name = cleanName(raw);
        const label = `seed ${seed}, ${JSON.stringify(raw)}`;
        expect(cleanName(name), label).toBe(name);
        expect(name.normalize('NFC'), label).toBe(name);
        expect(name, label).not.toMatch(
          /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u3164\u2800]|\p{Default_Ignorable_Code_Point}/u,
        );
        expect(name, label).not.toMatch(/^\s|\s$|\s\s|[^ \P{White_Space}]/u);
        expect(name, label).not.toMatch(new RegExp(`\\p{M}{${COMBINING_MARKS_MAX + 1}}`, 'u'));
        expect(name, label).not.toMatch(/(^|\s)\p{M}/u);
      }
    },
  );
});

describe('[R47] every name the session keeps is the cleaned one', () => {
  it('join and rename keep the cleaned name; a name with nothing left is refused', () => {
    let state = run(makeSession(), 'kim', { type: 'join', displayName: '\u202EKim\u200B  Bo' });
    expect(state.people.find((p) => p.id === 'kim')?.displayName).toBe('Kim Bo');
    expect(decide(makeSession(), { type: 'join', displayName: '\u200B\u2066' }, 'x', T0)).toEqual({
      ok: false,
      reason: 'invalidText',
    });
    expect(decide(state, { type: 'rename', displayName: 'Kim\u2028Bo' }, 'kim', T0)).toEqual({
      ok: false,
      reason: 'unchanged',
    });
    state = run(state, 'kim', { type: 'rename', displayName: `Kim${'\u0336'.repeat(30)}` });
    expect(state.people.find((p) => p.id === 'kim')?.displayName).toBe('Kim\u0336\u0336');
  });

  it('a session is created with its group and facilitator names cleaned', () => {
    const state = createSession({
      id: 's',
      groupName: '\u202ECercle\u0085des cadres',
      template: REMOTE_TWO_HOURS,
      facilitator: { id: 'fac', displayName: 'Awa\u200B\u2069' },
      now: T0,
    });
    expect(state.groupName).toBe('Cercle des cadres');
    expect(state.people[0]?.displayName).toBe('Awa');
  });

  it('stage and case titles are names too', () => {
    let state = makeLiveSession();
    state = run(state, 'fac', {
      type: 'addStage',
      atIndex: 1,
      title: 'Pause\u202E café',
      plannedMs: null,
      floor: 'everyone',
    });
    expect(state.stages[1]?.title).toEqual({ fr: 'Pause café', en: 'Pause café' });
    state = run(state, 'cli', {
      type: 'proposeCase',
      kind: 'problem',
      title: '\u2067Mon cas\u2069',
      summary: '',
    });
    expect(state.cases[0]?.title).toBe('Mon cas');
  });
});
