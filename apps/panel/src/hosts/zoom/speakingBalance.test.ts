import { describe, expect, it } from 'vitest';
import { groupByName, recordSpeakers, speakingShares, startTally } from './speakingBalance.ts';

const SECOND = 1000;
const groupOf = groupByName([
  { displayName: 'Awa', role: 'facilitator' },
  { displayName: 'Chloé', role: 'client' },
  { displayName: 'Bo', role: 'consultant' },
  { displayName: 'Dan', role: 'consultant' },
]);

describe('the speaking balance', () => {
  it('gives each role its share of the stage’s speaking time, the ongoing speech included', () => {
    let tally = startTally(0);
    tally = recordSpeakers(tally, ['Chloé'], 0, groupOf);
    tally = recordSpeakers(tally, ['Bo'], 30 * SECOND, groupOf);
    tally = recordSpeakers(tally, ['Dan'], 40 * SECOND, groupOf);
    tally = recordSpeakers(tally, [], 50 * SECOND, groupOf);
    tally = recordSpeakers(tally, ['Awa'], 60 * SECOND, groupOf);

    expect(speakingShares(tally, 70 * SECOND)).toEqual([
      { group: 'client', percent: 50 },
      { group: 'consultant', percent: 33 },
      { group: 'facilitator', percent: 17 },
    ]);
  });

  it('counts two people speaking at once for both, and a name it cannot place apart', () => {
    let tally = startTally(0);
    tally = recordSpeakers(tally, ['Bo', 'Zoé (invitée)'], 0, groupOf);

    expect(speakingShares(tally, 10 * SECOND)).toEqual([
      { group: 'consultant', percent: 50 },
      { group: 'unknown', percent: 50 },
    ]);
  });

  it('keeps roles, never names', () => {
    const tally = recordSpeakers(startTally(0), ['Chloé'], 0, groupOf);
    expect(JSON.stringify(recordSpeakers(tally, [], 5 * SECOND, groupOf))).not.toContain('Chlo');
  });

  it('is empty before anyone spoke, and matches names however Zoom spaces or cases them', () => {
    expect(speakingShares(startTally(0), 10 * SECOND)).toEqual([]);
    expect(groupOf('  chloé ')).toBe('client');
  });
});
