import type { SessionStore } from '@cercle/storage';
import type { Rooms } from '../rooms/rooms.ts';

/** Retention is in days: an hourly sweep is punctual enough and costs nothing in between. */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60_000;

/**
 * Deletes the content of ended sessions older than their group's retention: each person's texts
 * are erased the way they could do it themselves, and the log is compacted away.
 */
export async function sweepRetention(
  store: SessionStore,
  rooms: Rooms,
  at: number,
): Promise<number> {
  let purged = 0;
  for (const group of await store.groupsWithRetention()) {
    if (group.retentionDays === null) continue;
    const limit = at - group.retentionDays * 86_400_000;
    for (const id of await store.groupSessions(group.id)) {
      const room = await rooms.get(id);
      const endedAt = room?.state.endedAt;
      if (room?.state.lifecycle !== 'ended' || endedAt === null || endedAt === undefined) continue;
      if (endedAt > limit) continue;
      for (const person of room.state.people) {
        const outcome = await room.submit(person.id, { type: 'eraseMyContent' }, null);
        if (outcome.ok) purged += 1;
      }
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
