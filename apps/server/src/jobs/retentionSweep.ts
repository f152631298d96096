import { type SessionState, textsBy } from '@cercle/domain';
import type { SessionStore } from '@cercle/storage';
import type { Rooms } from '../rooms/rooms.ts';

/** Retention is in days: an hourly sweep is punctual enough and costs nothing in between. */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/** When a session last saw the group: its end, else its start, else its creation. */
function lastActivity(state: SessionState): number {
  return state.endedAt ?? state.startedAt ?? state.createdAt;
}

/**
 * Deletes the content of groups whose cycle is over: once the group's last session has seen no
 * activity for its retention's days, every session of the group is emptied the way each person
 * could do it themselves — people the facilitator removed included — and the logs are compacted
 * away. While the group meets, its earlier sessions stay: the debrief, the cycle page and the
 * follow-up of plans read them. Returns how many people's content it erased.
 */
export async function sweepRetention(
  store: SessionStore,
  rooms: Rooms,
  at: number,
): Promise<number> {
  let purged = 0;
  for (const group of await store.groupsWithRetention()) {
    if (group.retentionDays === null) continue;
    const limit = at - group.retentionDays * DAY_MS;
    const ids = await store.groupSessions(group.id);
    // The newest session first, read from the store: most groups stop here, nothing loaded.
    const newest = ids.at(-1);
    const latest = newest ? await store.load(newest) : null;
    if (!latest || lastActivity(latest.state) > limit) continue;
    const states = await Promise.all(ids.map((id) => store.load(id)));
    if (states.some((loaded) => loaded && lastActivity(loaded.state) > limit)) continue;
    for (const id of ids) {
      const room = await rooms.get(id);
      if (!room) continue;
      const authors = [...room.state.people.map((person) => person.id), ...room.state.removedIds];
      for (const personId of authors) {
        if (textsBy(room.state, personId) === 0) continue;
        const outcome = await room.submit(personId, { type: 'eraseMyContent' }, null);
        if (outcome.ok) purged += 1;
      }
      // Loaded for the sweep alone: it leaves memory like any room nobody has open.
      if (room.connectionCount === 0) rooms.scheduleEviction(room);
    }
  }
  return purged;
}

/**
 * Runs the sweep now and every hour until stopped; failures are reported, never thrown, so one bad
 * night does not stop the next sweeps.
 */
export function startRetentionSweeps(
  run: () => Promise<number>,
  report: {
    info(details: object, message: string): void;
    error(details: object, message: string): void;
  },
): { stop(): void; runNow(): Promise<void> } {
  const runNow = async () => {
    try {
      const purged = await run();
      if (purged > 0) report.info({ purged }, 'retention: expired content erased');
    } catch (error) {
      report.error({ err: error }, 'retention sweep failed');
    }
  };
  const timer = setInterval(runNow, RETENTION_SWEEP_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), runNow };
}
