import { cleanName, LIMITS } from '@cercle/domain';
import { describe, expect, it } from 'vitest';
import { cleanDisplayName } from './admitPerson.ts';

/**
 * [R47] A host's screen name (Zoom, Teams) is free text the person did not type into Cercle: it is
 * cleaned by the domain's one rule, cut to length, and never refuses anyone — with nothing left,
 * the host's default name stands in.
 */
describe('host screen names', () => {
  // biome-ignore format: a table reads in columns
  const PROBES: ReadonlyArray<readonly [string, string]> = [
    ['Awa\u202Enimda', 'Awanimda'],
    ['\u2066Kim\u2069 (hôte)', 'Kim (hôte)'],
    ['\u200B\u200D\uFEFF', 'Invité'],
    ['\u3164', 'Invité'],
    ['Awa\u2028Admin', 'Awa Admin'],
    ['Awa\u0085\u009BDiallo', 'Awa Diallo'],
    ['Kim\uD800', 'Kim'],
    [`Zalgo${'\u0336'.repeat(40)}`, 'Zalgo\u0336\u0336'],
    ['Chloe\u0301', 'Chloé'],
  ];

  it.each(PROBES)('%j becomes %j', (raw, expected) => {
    expect(cleanDisplayName(raw, 'Invité')).toBe(expected);
  });

  it('is the domain’s rule, cut to the roster’s length without splitting a character', () => {
    for (const raw of PROBES.map(([name]) => name)) {
      const cleaned = cleanName(raw);
      if (cleaned) expect(cleanDisplayName(raw, 'x')).toBe(cleaned);
    }
    const long = `${'a'.repeat(LIMITS.displayNameMaxChars - 1)}\u{1F469}b`;
    const cut = cleanDisplayName(long, 'x');
    expect(cut).toBe('a'.repeat(LIMITS.displayNameMaxChars - 1));
    expect(cut).not.toMatch(/\p{Cs}/u);
    const spaced = `${'a'.repeat(LIMITS.displayNameMaxChars - 1)} b`;
    expect(cleanDisplayName(spaced, 'x')).toBe('a'.repeat(LIMITS.displayNameMaxChars - 1));
  });
});
