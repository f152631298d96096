/** One ping/pong exchange, on the panel's clock except `serverNow`. */
export interface ClockSample {
  readonly clientSentAt: number;
  readonly serverNow: number;
  readonly clientReceivedAt: number;
}

export interface ClockEstimate {
  /** Add to the panel's clock to get the server's. */
  readonly offsetMs: number;
  /** The round trip of the sample behind the estimate: the offset is right within half of it. */
  readonly roundTripMs: number;
}

/** The offset one sample implies, assuming the server answered halfway through the round trip. */
export function estimateFromSample(sample: ClockSample): ClockEstimate {
  const roundTripMs = Math.max(0, sample.clientReceivedAt - sample.clientSentAt);
  return {
    offsetMs: sample.serverNow - (sample.clientSentAt + sample.clientReceivedAt) / 2,
    roundTripMs,
  };
}

/** How many recent samples to choose from: old ones go, so a drifting clock is followed. */
export const CLOCK_SAMPLES_KEPT = 8;

/**
 * Keeps the sample with the lowest round trip among the recent ones, as NTP's clock filter and
 * Cristian's algorithm do: the shorter the trip, the tighter the bound on the error.
 */
export class ClockOffsetEstimator {
  readonly #samples: ClockEstimate[] = [];
  #best: ClockEstimate | null = null;

  add(sample: ClockSample): ClockEstimate {
    this.#samples.push(estimateFromSample(sample));
    if (this.#samples.length > CLOCK_SAMPLES_KEPT) this.#samples.shift();
    this.#best = this.#samples.reduce((best, s) => (s.roundTripMs < best.roundTripMs ? s : best));
    return this.#best;
  }

  get estimate(): ClockEstimate | null {
    return this.#best;
  }

  /** The server's time now, from the panel's clock reading. */
  serverTime(clientNow: number): number {
    return clientNow + (this.#best?.offsetMs ?? 0);
  }
}
