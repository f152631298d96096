import { describe, expect, it } from 'vitest';
import { SlidingWindowBudget, textBytes } from './writeBudget.ts';

describe('the write budget', () => {
  it('counts the UTF-8 bytes of every text a command carries, not its type', () => {
    expect(textBytes({ type: 'writeNote', text: 'été' })).toBe(5);
    expect(textBytes({ type: 'startSession' })).toBe(0);
    expect(
      textBytes({ type: 'writeActionPlan', actions: ['ab', 'cd'], firstStep: 'e', byWhen: null }),
    ).toBe(5);
  });

  it('slides: what was spent a minute ago no longer counts; what is refused never did', () => {
    const budget = new SlidingWindowBudget(100, 60_000);
    const t0 = 1_000_000;
    expect(budget.take('bo', 60, t0)).toBe(true);
    expect(budget.take('bo', 50, t0 + 1000)).toBe(false);
    expect(budget.take('awa', 100, t0 + 1000)).toBe(true);
    expect(budget.take('bo', 40, t0 + 30_000)).toBe(true);
    expect(budget.take('bo', 1, t0 + 59_000)).toBe(false);
    // The first 60 bytes leave the window; the 40 of t0 + 30 s are still in it.
    expect(budget.take('bo', 60, t0 + 60_000)).toBe(true);
    expect(budget.take('bo', 1, t0 + 60_000)).toBe(false);
    // Those who wrote nothing for a window are forgotten.
    expect(budget.take('bo', 0, t0 + 200_000)).toBe(true);
    expect(budget.size).toBe(0);
  });
});
