import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ZoomShell } from './ZoomShell.tsx';
import { createCueTracker } from './zoomCues.ts';

/** How often a running timer is looked at for time up while nothing else changes. */
const TIMER_LOOK_MS = 1000;

/**
 * Stage changes and time up as Zoom notifications (`showNotification`, every role, guest mode
 * included), for a person whose panel is out of sight; nothing while they can see it.
 */
export function ZoomCues({
  shell,
  isHidden,
  onFailed,
}: {
  shell: ZoomShell;
  isHidden: boolean;
  onFailed: () => void;
}) {
  const { t, pick } = useI18n();
  const tracker = useRef(createCueTracker());
  const [tick, setTick] = useState(0);
  const { watched, connection } = shell;
  const isRunning = watched?.view.timer.status === 'running';
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => setTick((n) => n + 1), TIMER_LOOK_MS);
    return () => clearInterval(timer);
  }, [isRunning]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each tick is a new look at the timer.
  useEffect(() => {
    if (!watched) return;
    const cue = tracker.current.observe(watched.view, watched.serverNow(), isHidden, t, pick);
    if (cue) connection.call((sdk) => sdk.showNotification(cue)).catch(onFailed);
  }, [watched, tick, isHidden, t, pick, connection, onFailed]);
  return null;
}
