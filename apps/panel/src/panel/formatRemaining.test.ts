import { describe, expect, it } from 'vitest';
import { formatElapsed, formatRemaining, timerTone } from './formatRemaining.ts';

describe('formatRemaining', () => {
  it.each([
    [300_000, '5:00'],
    [299_001, '5:00'],
    [61_000, '1:01'],
    [500, '0:01'],
    [0, '0:00'],
    [-999, '−0:00'],
    [-61_000, '−1:01'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });

  it('marks the last minute and overtime', () => {
    expect(timerTone(61_000)).toBe('normal');
    expect(timerTone(60_000)).toBe('lastMinute');
    expect(timerTone(-1)).toBe('overtime');
  });
});

describe('formatElapsed [R70]', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [1000, '0:01'],
    [61_500, '1:01'],
    [3_600_000, '60:00'],
    [-5, '0:00'],
  ])('%i ms spent reads %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});
