import type { Command } from '@cercle/domain';

/** The window is counted in slots of this length: it slides by whole seconds. */
const SLOT_MS = 1000;

/** UTF-8 bytes of the text a command carries: every string in it but its type. */
export function textBytes(command: Command): number {
  let bytes = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') bytes += Buffer.byteLength(value, 'utf8');
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) if (key !== 'type') visit(item);
  };
  visit(command);
  return bytes;
}

interface Spent {
  /** Bytes per slot, oldest first: [slot number, bytes]. */
  readonly slots: Array<[number, number]>;
  total: number;
}

/**
 * A budget per key (a person in a session) over a sliding window: what was spent in the last
 * `windowMs` counts, at one-second grain. What is refused is not counted.
 */
export class SlidingWindowBudget {
  readonly #spent = new Map<string, Spent>();
  readonly #slotsPerWindow: number;
  #sweptAt = 0;

  constructor(
    private readonly budget: number,
    private readonly windowMs: number,
  ) {
    this.#slotsPerWindow = Math.max(1, Math.ceil(windowMs / SLOT_MS));
  }

  /** Spends `amount` for `key` at `now` when the window has room for it. */
  take(key: string, amount: number, now: number): boolean {
    const slot = Math.floor(now / SLOT_MS);
    this.#sweep(now, slot);
    let spent = this.#spent.get(key);
    if (spent) this.#expire(spent, slot);
    if ((spent?.total ?? 0) + amount > this.budget) return false;
    if (amount === 0) return true;
    if (!spent) {
      spent = { slots: [], total: 0 };
      this.#spent.set(key, spent);
    }
    const last = spent.slots.at(-1);
    if (last && last[0] === slot) last[1] += amount;
    else spent.slots.push([slot, amount]);
    spent.total += amount;
    return true;
  }

  /** Keys with something spent in the window. */
  get size(): number {
    return this.#spent.size;
  }

  #expire(spent: Spent, slot: number): void {
    while (spent.slots.length > 0 && (spent.slots[0]?.[0] ?? slot) <= slot - this.#slotsPerWindow)
      spent.total -= spent.slots.shift()?.[1] ?? 0;
  }

  /** Once a window, forgets the people who wrote nothing in it. */
  #sweep(now: number, slot: number): void {
    if (now - this.#sweptAt < this.windowMs) return;
    this.#sweptAt = now;
    for (const [key, spent] of this.#spent) {
      this.#expire(spent, slot);
      if (spent.slots.length === 0) this.#spent.delete(key);
    }
  }
}
