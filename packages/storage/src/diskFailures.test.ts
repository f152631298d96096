import { describe, expect, it } from 'vitest';
import { DiskFailures, isPostgresDiskFailure, isSqliteDiskFailure } from './diskFailures.ts';

const failing = (code: string, wrapped = false) => {
  const driver = Object.assign(new Error(code), { code });
  return wrapped ? new Error('Failed query', { cause: driver }) : driver;
};

describe('disk failures', () => {
  it('tells a full, read-only, failing or foreign file from a refusal of the data', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY', 'SQLITE_CORRUPT'])
      expect(isSqliteDiskFailure(failing(code)), code).toBe(true);
    for (const code of ['SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_BUSY'])
      expect(isSqliteDiskFailure(failing(code)), code).toBe(false);
    // Disk full, I/O error, data corrupted; but not a unique violation or a lost connection.
    for (const code of ['53100', '58030', 'XX001'])
      expect(isPostgresDiskFailure(failing(code, true)), code).toBe(true);
    for (const code of ['23505', '57P01'])
      expect(isPostgresDiskFailure(failing(code, true)), code).toBe(false);
  });

  it('remembers a failed operation of the watched object, sync or async, and passes it on', async () => {
    const failures = new DiskFailures(isSqliteDiskFailure);
    const store = failures.watch({
      async conflict(): Promise<void> {
        throw failing('SQLITE_CONSTRAINT_PRIMARYKEY');
      },
      async full(): Promise<void> {
        throw failing('SQLITE_FULL');
      },
      answer: () => 42,
    });
    await expect(store.conflict()).rejects.toThrow('SQLITE_CONSTRAINT');
    expect(store.answer()).toBe(42);
    expect(failures.isRecent).toBe(false);
    await expect(store.full()).rejects.toThrow('SQLITE_FULL');
    expect(failures.isRecent).toBe(true);
  });
});
