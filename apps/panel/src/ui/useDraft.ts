import { useCallback, useState } from 'react';
import { deviceStorage } from './deviceStorage.ts';

const DRAFT_PREFIX = 'cercle:draft:';

/**
 * The key of one person's draft of one field in one session: a reload, a stage change or its undo
 * finds it again; another session, or another person on the same device, does not.
 */
export function draftKey(sessionId: string, personId: string, field: string): string {
  return `${sessionId}:${personId}:${field}`;
}

/**
 * A text field's value kept on the device as it is typed, so a reload, a reconnect or a stage
 * change never loses it.
 */
export function useDraft(key: string, initial = ''): [string, (value: string) => void, () => void] {
  const storageKey = `${DRAFT_PREFIX}${key}`;
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

/**
 * A form's draft of several parts (a plan's actions, first step and date), kept on the device as
 * JSON. What comes back from storage is checked by `read` (null: not a draft of this form), so a
 * value written by another version of the panel never reaches a field.
 */
export function useStoredDraft<T>(
  key: string,
  initial: () => T,
  read: (stored: unknown) => T | null,
): { draft: T; change: (next: T) => void; forget: () => void; isKept: boolean } {
  const storageKey = `${DRAFT_PREFIX}${key}`;
  const [state, setState] = useState(() => {
    const kept = readStored(storageKey, read);
    return { draft: kept ?? initial(), isKept: kept !== null };
  });
  const change = useCallback(
    (next: T) => {
      setState({ draft: next, isKept: true });
      deviceStorage().setItem(storageKey, JSON.stringify(next));
    },
    [storageKey],
  );
  const forget = useCallback(() => {
    deviceStorage().removeItem(storageKey);
    setState((current) => (current.isKept ? { ...current, isKept: false } : current));
  }, [storageKey]);
  return { ...state, change, forget };
}

function readStored<T>(storageKey: string, read: (stored: unknown) => T | null): T | null {
  const raw = deviceStorage().getItem(storageKey);
  if (raw === null) return null;
  try {
    return read(JSON.parse(raw));
  } catch {
    return null;
  }
}

/**
 * Whether `value` has the shape of `model` (a blank draft): the same parts, each a string, a
 * number, a list of strings or numbers, or — where the blank has none — a string or nothing.
 */
export function isShapedLike<T extends object>(value: unknown, model: T): value is T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(model).every(([part, blank]) => {
    const kept = record[part];
    if (Array.isArray(blank))
      return (
        Array.isArray(kept) &&
        kept.every((item) => typeof item === 'string' || typeof item === 'number')
      );
    if (blank === null) return kept === null || typeof kept === 'string';
    return typeof kept === typeof blank;
  });
}

/** Forgets every draft whose key starts with `prefix` (e.g. a session's, after an erasure). */
export function forgetDrafts(prefix: string): void {
  const storage = deviceStorage();
  for (const key of storage.keys())
    if (key.startsWith(`${DRAFT_PREFIX}${prefix}`)) storage.removeItem(key);
}
