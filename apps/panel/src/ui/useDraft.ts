import { useCallback, useState } from 'react';

/**
 * A text field's value kept in localStorage as it is typed, so a reload, a reconnect or a stage
 * change never loses it.
 */
export function useDraft(key: string, initial = ''): [string, (value: string) => void, () => void] {
  const storageKey = `cercle:draft:${key}`;
  const [value, setValue] = useState(() => {
    try {
      return localStorage.getItem(storageKey) ?? initial;
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: string) => {
      setValue(next);
      try {
        localStorage.setItem(storageKey, next);
      } catch {
        // Storage unavailable: the draft lives in memory.
      }
    },
    [storageKey],
  );
  const clear = useCallback(() => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // nothing to clear
    }
  }, [storageKey]);
  return [value, update, clear];
}
