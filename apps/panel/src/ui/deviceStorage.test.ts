import { describe, expect, it } from 'vitest';
import { openDeviceStorage } from './deviceStorage.ts';

function refusing(): Storage {
  throw new DOMException('Access is denied for this document.', 'SecurityError');
}

function fullStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: () => null,
    getItem: (key) => items.get(key) ?? null,
    setItem: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
    removeItem: (key) => void items.delete(key),
  };
}

describe('device storage', () => {
  it('falls back to memory when the browser refuses storage (SecurityError)', () => {
    const storage = openDeviceStorage(refusing);
    expect(storage.isPersistent).toBe(false);
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
    storage.removeItem('k');
    expect(storage.getItem('k')).toBeNull();
  });

  it('falls back to memory when every write is refused', () => {
    const storage = openDeviceStorage(fullStorage);
    expect(storage.isPersistent).toBe(false);
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
  });

  it('writes through to the browser when it allows storage', () => {
    const native = new Map<string, string>();
    const backing = {
      getItem: (key: string) => native.get(key) ?? null,
      setItem: (key: string, value: string) => void native.set(key, value),
      removeItem: (key: string) => void native.delete(key),
    } as Storage;
    const storage = openDeviceStorage(() => backing);
    expect(storage.isPersistent).toBe(true);
    storage.setItem('k', 'v');
    expect(native.get('k')).toBe('v');
    expect(native.has('cercle:probe')).toBe(false);
  });

  it('keeps a value in memory when storage is revoked after opening', () => {
    let isRevoked = false;
    const native = new Map<string, string>();
    const backing = {
      getItem: (key: string) => {
        if (isRevoked) throw new DOMException('denied', 'SecurityError');
        return native.get(key) ?? null;
      },
      setItem: (key: string, value: string) => {
        if (isRevoked) throw new DOMException('denied', 'SecurityError');
        native.set(key, value);
      },
      removeItem: (key: string) => void native.delete(key),
    } as Storage;
    const storage = openDeviceStorage(() => backing);
    isRevoked = true;
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
  });
});
