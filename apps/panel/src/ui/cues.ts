import { useSyncExternalStore } from 'react';
import { deviceStorage } from './deviceStorage.ts';

/**
 * Whether this device plays the end-of-time cues (a soft chime and a pulse of the timer). A
 * setting of the device, not of the session: each facilitator chooses for their own room and
 * speakers, and switching it off never reaches anyone else's panel.
 */
const STORAGE_KEY = 'cercle:cues';
const listeners = new Set<() => void>();

function read(): boolean {
  return deviceStorage().getItem(STORAGE_KEY) !== 'off';
}

export function setCuesOn(isOn: boolean): void {
  deviceStorage().setItem(STORAGE_KEY, isOn ? 'on' : 'off');
  for (const listener of listeners) listener();
}

export function useCuesOn(): boolean {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
}
