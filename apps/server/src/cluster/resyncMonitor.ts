import type { SessionStore } from '@cercle/storage';
import { storeAnswers } from '../http/opsRoutes.ts';

/** How often a shared instance checks that its database answers. */
export const RESYNC_CHECK_MS = 2000;

/**
 * While the database is away, other instances' notices cannot be followed (their events are read
 * from it): when it answers again, every room catches up, so panels never keep a gap.
 */
export function startResyncMonitor(
  store: SessionStore,
  catchUpAll: () => Promise<void>,
  onChange: (isUp: boolean) => void,
): () => void {
  let wasUp = true;
  let isChecking = false;
  const timer = setInterval(async () => {
    if (isChecking) return;
    isChecking = true;
    try {
      const isUp = await storeAnswers(store);
      if (isUp !== wasUp) onChange(isUp);
      if (isUp && !wasUp) await catchUpAll();
      wasUp = isUp;
    } finally {
      isChecking = false;
    }
  }, RESYNC_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
