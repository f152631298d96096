import { useSyncExternalStore } from 'react';

/** Refresh rate of the clocks: four times a second keeps every panel within a tick. */
export const CLOCK_REFRESH_MS = 250;

// One interval for every clock on the page, running only while one is shown: they move together.
const listeners = new Set<() => void>();
let ticks = 0;
let interval: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  ticks += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) interval = setInterval(tick, CLOCK_REFRESH_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(interval);
  };
}

/**
 * The server's time, read again at every tick. Only a component that shows the time calls it, so
 * only that component re-renders as the clock moves, never the panel around it.
 */
export function useServerNow(serverNow: () => number): number {
  useSyncExternalStore(subscribe, () => ticks);
  return serverNow();
}
