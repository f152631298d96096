import { describe, expect, it } from 'vitest';
import { apply } from './apply.ts';
import { withSharedStages } from './sharedStages.ts';
import { REMOTE_TWO_HOURS } from './templates.ts';
import { makeLiveSession } from './testing/builders.ts';

describe('withSharedStages', () => {
  it('gives two states read back from JSON the same stage objects, with their content unchanged', () => {
    const json = JSON.stringify(makeLiveSession());
    const first = withSharedStages(JSON.parse(json));
    const second = withSharedStages(JSON.parse(json));
    expect(first).toEqual(JSON.parse(json));
    expect(first.stages).toHaveLength(REMOTE_TWO_HOURS.stages.length);
    first.stages.forEach((stage, i) => {
      expect(stage).toBe(second.stages[i]);
    });
  });

  it('keeps a stage whose duration the facilitator changed as it is', () => {
    const live = makeLiveSession();
    const key = live.stages[3]?.key ?? '';
    const changed = apply(live, {
      type: 'stageDurationsChanged',
      durations: [{ stageKey: key, plannedMs: 1234 }],
    });
    const shared = withSharedStages(JSON.parse(JSON.stringify(changed)));
    expect(shared.stages[3]?.plannedMs).toBe(1234);
    expect(shared.stages[3]).not.toBe(withSharedStages(changed).stages[3]);
    expect(shared.stages[2]).toBe(withSharedStages(live).stages[2]);
  });

  it('returns the same state when there is nothing to share', () => {
    const shared = withSharedStages(JSON.parse(JSON.stringify(makeLiveSession())));
    expect(withSharedStages(shared)).toBe(shared);
  });
});
