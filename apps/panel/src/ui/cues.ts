import { useSyncExternalStore } from 'react';

/**
 * Whether this device plays the end-of-time cues (a soft chime and a pulse of the timer). A
 * setting of the device, not of the session: each facilitator chooses for their own room and
 * speakers, and switching it off never reaches anyone else's panel.
 */
const STORAGE_KEY = 'cercle:cues';
const listeners = new Set<() => void>();
// Where storage is refused (private modes), the choice holds until the page closes.
let memory: boolean | null = null;

function read(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setCuesOn(isOn: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, isOn ? 'on' : 'off');
  } catch {
    memory = isOn;
  }
  for (const listener of listeners) listener();
}

export function useCuesOn(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => memory ?? read(),
  );
}
