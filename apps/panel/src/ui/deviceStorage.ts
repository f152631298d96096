/** What the panel keeps on a device: the subset of the Web Storage API it uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface DeviceStorage extends KeyValueStore {
  /** False when the browser refused storage: what is kept lasts until the page closes. */
  readonly isPersistent: boolean;
  /** Every key held, to forget a family of them at once. */
  keys(): string[];
}

/** A store in memory, for when the browser refuses its own. */
export function memoryStorage(): KeyValueStore & { keys(): string[] } {
  const items = new Map<string, string>();
  return {
    keys: () => [...items.keys()],
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

const PROBE_KEY = 'cercle:probe';

/**
 * Opens the device's storage once. In a cross-site frame whose site data is blocked, merely reading
 * `window.localStorage` throws `SecurityError`, and a full or disabled store throws on write: every
 * failure falls back to memory, so no caller ever sees an exception.
 */
export function openDeviceStorage(get: () => Storage = () => window.localStorage): DeviceStorage {
  let native: Storage | null = null;
  try {
    const candidate = get();
    candidate.setItem(PROBE_KEY, '1');
    candidate.removeItem(PROBE_KEY);
    native = candidate;
  } catch {
    native = null;
  }
  const fallback = memoryStorage();
  if (!native) return { ...fallback, isPersistent: false };
  const store = native;
  return {
    isPersistent: true,
    keys() {
      const found = new Set(fallback.keys());
      try {
        for (let i = 0; i < store.length; i++) {
          const key = store.key(i);
          if (key !== null) found.add(key);
        }
      } catch {
        // revoked meanwhile: what memory holds is all there is
      }
      return [...found];
    },
    getItem(key) {
      try {
        return store.getItem(key) ?? fallback.getItem(key);
      } catch {
        return fallback.getItem(key);
      }
    },
    setItem(key, value) {
      try {
        store.setItem(key, value);
        fallback.removeItem(key);
      } catch {
        // Full or revoked meanwhile: keep the value for this page at least.
        fallback.setItem(key, value);
      }
    },
    removeItem(key) {
      fallback.removeItem(key);
      try {
        store.removeItem(key);
      } catch {
        // nothing more to remove
      }
    },
  };
}

let opened: DeviceStorage | null = null;

/** The one way the panel reaches the device's storage. */
export function deviceStorage(): DeviceStorage {
  opened ??= openDeviceStorage();
  return opened;
}
