import { describe, expect, it } from 'vitest';
import { formatTable, percentile, relativeSpread, summarize } from './stats.ts';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([3, 1, 2])).toEqual({ count: 3, p50: 2, p95: 3, p99: 3, max: 3 });
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(summarize(many).max).toBe(499_999);
  });

  it('measures noise as the relative spread of repeated rounds', () => {
    expect(relativeSpread([10, 10])).toBe(0);
    expect(relativeSpread([9, 11])).toBeCloseTo(0.2);
    expect(relativeSpread([5])).toBe(0);
  });

  it('lines a table up', () => {
    expect(
      formatTable([
        { name: 'a', p99: 1.5 },
        { name: 'bbb', p99: 12 },
      ]),
    ).toBe(['name  p99 ', '----  ----', 'a     1.50', 'bbb   12  '].join('\n'));
  });
});
