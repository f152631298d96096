import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { distinctName, isNameTaken } from './names.ts';
import { expectRejected, makeSession, run } from './testing/builders.ts';

describe('one seat per name', () => {
  it('[R80] a second seat under a name someone holds is refused, once cleaned', () => {
    const state = run(makeSession(), 'dan', { type: 'join', displayName: 'Dan' });
    expectRejected(state, 'phone', { type: 'join', displayName: 'Dan' }, 'nameTaken');
    // The same name as the roster keeps it: spaces and invisible characters do not make another.
    expectRejected(state, 'phone', { type: 'join', displayName: '  Dan\u200B ' }, 'nameTaken');
    // The facilitator's name is taken too.
    expectRejected(state, 'phone', { type: 'join', displayName: 'Awa' }, 'nameTaken');
    // Another name is another person.
    expect(run(state, 'other', { type: 'join', displayName: 'Dan M.' }).people).toHaveLength(3);
    expect(run(state, 'other', { type: 'join', displayName: 'dan' }).people).toHaveLength(3);
  });

  it('[R80] nobody renames themselves to a name someone else holds; a removed person frees theirs', () => {
    let state = makeSession({ people: ['bo', 'kim'] });
    expectRejected(state, 'kim', { type: 'rename', displayName: 'bo' }, 'nameTaken');
    state = run(state, 'fac', { type: 'removePerson', personId: 'bo' });
    expect(run(state, 'kim', { type: 'rename', displayName: 'bo' }).people).toContainEqual(
      expect.objectContaining({ id: 'kim', displayName: 'bo' }),
    );
    expect(run(state, 'bo2', { type: 'join', displayName: 'bo' }).people).toHaveLength(3);
  });

  it('[R80] a name nobody chose just now is numbered instead, within the length limit', () => {
    const people = [
      { id: 'a', displayName: 'Kim' },
      { id: 'b', displayName: 'Kim (2)' },
    ];
    expect(distinctName(people, 'Lou', LIMITS.displayNameMaxChars)).toBe('Lou');
    expect(distinctName(people, ' Kim ', LIMITS.displayNameMaxChars)).toBe('Kim (3)');
    const long = 'x'.repeat(LIMITS.displayNameMaxChars);
    const numbered = distinctName([{ id: 'a', displayName: long }], long, 60);
    expect(numbered).toBe(`${'x'.repeat(56)} (2)`);
    expect(numbered).toHaveLength(60);
    expect(isNameTaken(people, 'Kim', 'a')).toBe(false);
    expect(isNameTaken(people, 'Kim', 'b')).toBe(true);
  });
});
