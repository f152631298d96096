import { mulberry32 } from '@cercle/domain/testing/prng';
import { describe, expect, it } from 'vitest';
import { CLOCK_SAMPLES_KEPT, ClockOffsetEstimator, estimateFromSample } from './clockOffset.ts';

const TEN_MINUTES = 10 * 60_000;

/** A panel whose clock reads `skew` ms off the server's, pinging over a jittery network. */
function simulate(skew: number, seed: number) {
  const random = mulberry32(seed);
  const estimator = new ClockOffsetEstimator();
  let serverTime = 1_800_000_000_000;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 6; i++) {
    const up = Math.floor(5 + random() * 120); // asymmetric: each way drawn apart
    const down = Math.floor(5 + random() * 120);
    const clientSentAt = serverTime + skew;
    serverTime += up;
    const serverNow = serverTime;
    serverTime += down;
    const estimate = estimator.add({
      clientSentAt,
      serverNow,
      clientReceivedAt: serverTime + skew,
    });
    best = Math.min(best, up + down);
    expect(estimate.roundTripMs).toBe(best);
    serverTime += 1000;
  }
  return { estimator, serverTime, skew, bestRoundTrip: best };
}

describe('clock offset', () => {
  it.each([
    [TEN_MINUTES, 1],
    [-TEN_MINUTES, 2],
    [0, 3],
    [TEN_MINUTES, 4],
  ])(
    'a panel %i ms off computes the same remaining time within half the best round trip (seed %i)',
    (skew, seed) => {
      const { estimator, serverTime, bestRoundTrip } = simulate(skew, seed);
      const endsAt = serverTime + 5 * 60_000; // a running timer's end, in server time
      const serverRemaining = endsAt - serverTime;
      const panelRemaining = endsAt - estimator.serverTime(serverTime + skew);
      expect(Math.abs(panelRemaining - serverRemaining)).toBeLessThanOrEqual(bestRoundTrip / 2);
    },
  );

  it('keeps the lowest round trip, which beats the latest sample', () => {
    const estimator = new ClockOffsetEstimator();
    // True offset +1000. A quick symmetric sample, then a slow lopsided one.
    estimator.add({ clientSentAt: 0, serverNow: 1010, clientReceivedAt: 20 });
    const latest = { clientSentAt: 100, serverNow: 1390, clientReceivedAt: 500 };
    const estimate = estimator.add(latest);
    expect(estimate.offsetMs).toBe(1000);
    expect(Math.abs(estimateFromSample(latest).offsetMs - 1000)).toBeGreaterThan(50);
  });

  it('forgets samples older than the last few, so a drifting clock is followed', () => {
    const estimator = new ClockOffsetEstimator();
    estimator.add({ clientSentAt: 0, serverNow: 1001, clientReceivedAt: 2 });
    for (let i = 1; i <= CLOCK_SAMPLES_KEPT; i++)
      estimator.add({
        clientSentAt: i * 1000,
        serverNow: i * 1000 + 5050,
        clientReceivedAt: i * 1000 + 100,
      });
    expect(estimator.estimate?.offsetMs).toBe(5000);
  });
});
