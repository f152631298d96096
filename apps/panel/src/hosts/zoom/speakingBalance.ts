import type { Role } from '@cercle/domain';

/** Whom a speaker counts for: a role in the session, or someone Cercle cannot place. */
export type SpeakerGroup = Role | 'unknown';

/**
 * The facilitator's speaking balance for one stage: milliseconds of speech per role, and which
 * roles are speaking now. Only aggregates are kept: a speaker's name is turned into their role as
 * the time is counted, and never stored. It lives in memory, on the facilitator's device.
 */
export interface SpeakingTally {
  readonly msByGroup: Readonly<Partial<Record<SpeakerGroup, number>>>;
  /** The groups of those speaking since `since`, one entry per speaker. */
  readonly speaking: readonly SpeakerGroup[];
  readonly since: number;
}

export function startTally(at: number): SpeakingTally {
  return { msByGroup: {}, speaking: [], since: at };
}

/** Counts the time up to `at` for whoever was speaking, then notes who speaks from now on. */
export function recordSpeakers(
  tally: SpeakingTally,
  speakerNames: readonly string[],
  at: number,
  groupOf: (screenName: string) => SpeakerGroup,
): SpeakingTally {
  return {
    msByGroup: accrue(tally, at),
    speaking: speakerNames.map(groupOf),
    since: Math.max(at, tally.since),
  };
}

function accrue(tally: SpeakingTally, at: number): Partial<Record<SpeakerGroup, number>> {
  const elapsed = Math.max(0, at - tally.since);
  const next = { ...tally.msByGroup };
  for (const group of tally.speaking) next[group] = (next[group] ?? 0) + elapsed;
  return next;
}

export interface GroupShare {
  readonly group: SpeakerGroup;
  /** Whole percent of the stage's speaking time, the ongoing speech included. */
  readonly percent: number;
}

/** Each group's share of the speaking time so far, largest first; empty before anyone spoke. */
export function speakingShares(tally: SpeakingTally, at: number): GroupShare[] {
  const totals = accrue(tally, at);
  const entries = Object.entries(totals) as [SpeakerGroup, number][];
  const total = entries.reduce((sum, [, ms]) => sum + ms, 0);
  if (total === 0) return [];
  return entries
    .filter(([, ms]) => ms > 0)
    .map(([group, ms]) => ({ group, percent: Math.round((100 * ms) / total) }))
    .sort((a, b) => b.percent - a.percent);
}

/** A Zoom screen name to the role of the person Cercle knows by that name (names are cleaned alike). */
export function groupByName(
  people: readonly { readonly displayName: string; readonly role: Role }[],
): (screenName: string) => SpeakerGroup {
  const byName = new Map(people.map((person) => [normalise(person.displayName), person.role]));
  return (screenName) => byName.get(normalise(screenName)) ?? 'unknown';
}

const normalise = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase();
