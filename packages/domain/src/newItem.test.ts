import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { namesOf } from './namesOf.ts';
import { consultationItem, itemText } from './newItem.ts';
import { Rejection } from './rejection.ts';
import { ROLES, Role } from './role.ts';
import { makeSession, run } from './testing/builders.ts';
import { makeConsultingSession } from './testing/contentSamples.ts';

describe('[R60] [R62] [R72] the text of a new list item', () => {
  it('is trimmed; blank or longer than a short text, it is none', () => {
    expect(itemText('  Depuis quand ?\n')).toBe('Depuis quand ?');
    expect(itemText(' \n\t ')).toBeNull();
    expect(itemText('a'.repeat(LIMITS.shortTextMaxChars))).toBe(
      'a'.repeat(LIMITS.shortTextMaxChars),
    );
    expect(itemText('a'.repeat(LIMITS.shortTextMaxChars + 1))).toBeNull();
    expect(itemText('a\u0007b')).toBeNull();
  });

  it('goes to the consultation under way; without one, that is the reason even for a blank text', () => {
    const state = makeConsultingSession();
    expect(consultationItem(state, ' Une piste ')).toEqual({
      consultation: state.consultations[0],
      text: 'Une piste',
    });
    expect(consultationItem(state, '  ')).toBe(Rejection.invalidText);
    const noCase = run(makeSession({ people: ['con'] }), 'fac', { type: 'startSession' });
    expect(consultationItem(noCase, '  ')).toBe(Rejection.noConsultation);
  });
});

describe('a tuple named by its values', () => {
  it('names each value by itself, and nothing else', () => {
    expect(namesOf(['a', 'b'] as const)).toEqual({ a: 'a', b: 'b' });
    expect(Object.keys(Role)).toEqual([...ROLES]);
  });
});
