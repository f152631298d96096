/** A token bucket: `capacity` frames at once, refilled at `perSecond`. Time comes in from outside. */
export class TokenBucket {
  #tokens: number;
  #last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.#tokens = capacity;
    this.#last = now;
  }

  take(now: number): boolean {
    this.#tokens = Math.min(
      this.capacity,
      this.#tokens + ((now - this.#last) / 1000) * this.perSecond,
    );
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
