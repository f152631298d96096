import { describe, expect, it } from 'vitest';
import { formatLongDate } from './dates.ts';

describe('formatLongDate', () => {
  it('writes a calendar date in the locale’s long form, never ISO', () => {
    expect(formatLongDate('2026-01-15', 'fr')).toBe('15 janvier 2026');
    expect(formatLongDate('2026-01-15', 'en')).toBe('15 January 2026');
  });

  it('keeps a calendar date on its day whatever the time zone', () => {
    expect(formatLongDate('2026-12-31', 'fr')).toBe('31 décembre 2026');
  });

  it('reads an instant in the time zone it is given', () => {
    const lateEvening = Date.UTC(2026, 0, 15, 23, 30);
    expect(formatLongDate(lateEvening, 'fr', 'Europe/Paris')).toBe('16 janvier 2026');
    expect(formatLongDate(lateEvening, 'en', 'UTC')).toBe('15 January 2026');
  });

  it('returns what is not a calendar date as it came', () => {
    expect(formatLongDate('soon', 'fr')).toBe('soon');
  });
});
