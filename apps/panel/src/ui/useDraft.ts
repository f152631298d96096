import { useCallback, useState } from 'react';
import { deviceStorage } from './deviceStorage.ts';

/**
 * A text field's value kept on the device as it is typed, so a reload, a reconnect or a stage
 * change never loses it.
 */
export function useDraft(key: string, initial = ''): [string, (value: string) => void, () => void] {
  const storageKey = `cercle:draft:${key}`;
  const [value, setValue] = useState(() => deviceStorage().getItem(storageKey) ?? initial);
  const update = useCallback(
    (next: string) => {
      setValue(next);
      deviceStorage().setItem(storageKey, next);
    },
    [storageKey],
  );
  const clear = useCallback(() => deviceStorage().removeItem(storageKey), [storageKey]);
  return [value, update, clear];
}

/** Forgets every draft whose key starts with `prefix` (e.g. a session's, after an erasure). */
export function forgetDrafts(prefix: string): void {
  const storage = deviceStorage();
  for (const key of storage.keys())
    if (key.startsWith(`cercle:draft:${prefix}`)) storage.removeItem(key);
}
