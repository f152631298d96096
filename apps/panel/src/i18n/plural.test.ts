import { describe, expect, it } from 'vitest';
import { plural } from './plural.ts';

describe('plural', () => {
  const days = { one: '# jour', other: '# jours' };
  it('follows each language’s rules: zero is singular in French, plural in English', () => {
    expect(plural('fr', 0, days)).toBe('0 jour');
    expect(plural('fr', 1, days)).toBe('1 jour');
    expect(plural('fr', 2, days)).toBe('2 jours');
    expect(plural('en', 0, { one: '# day', other: '# days' })).toBe('0 days');
    expect(plural('en', 1, { one: '# day', other: '# days' })).toBe('1 day');
  });

  it('writes the number the locale’s way', () => {
    expect(plural('en', 1500, { one: '# day', other: '# days' })).toBe('1,500 days');
    expect(plural('fr', 1500, days).replace(/\s/u, ' ')).toBe('1 500 jours');
  });
});
