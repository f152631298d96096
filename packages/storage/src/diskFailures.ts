/**
 * How long a write that failed for the disk's sake keeps the probe failing. A nearly full disk
 * takes the probe's one small row and refuses a 20 KB note: readiness must follow what writes
 * actually met, not only what the probe met.
 */
export const DISK_FAILURE_MEMORY_MS = 30_000;

/** better-sqlite3's codes for a disk that is full, read-only, failing or holds no database. */
const SQLITE_DISK_CODES = /^SQLITE_(FULL|IOERR|READONLY|CORRUPT|NOTADB|CANTOPEN)/;
/** SQLSTATE classes 53 (insufficient resources: disk full), 58 (system error: I/O) and XX001–2 (data corrupted). */
const POSTGRES_DISK_STATES = /^(53|58|XX00[12])/;

function codes(error: unknown): string[] {
  const found: string[] = [];
  // Drizzle wraps the driver's error in its own, with the original as `cause`.
  for (let e = error, depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') found.push(code);
    e = e.cause;
  }
  return found;
}

export const isSqliteDiskFailure = (error: unknown) =>
  codes(error).some((code) => SQLITE_DISK_CODES.test(code));

export const isPostgresDiskFailure = (error: unknown) =>
  codes(error).some((code) => POSTGRES_DISK_STATES.test(code));

/** Remembers when a store's operation last failed for the disk's sake. */
export class DiskFailures {
  #lastAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly isDiskFailure: (error: unknown) => boolean) {}

  /** True when an operation failed for the disk's sake within the last DISK_FAILURE_MEMORY_MS. */
  get isRecent(): boolean {
    return Date.now() - this.#lastAt < DISK_FAILURE_MEMORY_MS;
  }

  /** The same object, its methods' failures noted on the way out. */
  watch<T extends object>(target: T): T {
    const note = (error: unknown) => {
      if (this.isDiskFailure(error)) this.#lastAt = Date.now();
      throw error;
    };
    return new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          try {
            const result: unknown = value.apply(object, args);
            return result instanceof Promise ? result.catch(note) : result;
          } catch (error) {
            return note(error);
          }
        };
      },
    });
  }
}
