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
