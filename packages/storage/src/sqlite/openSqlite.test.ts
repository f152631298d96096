import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedSession } from '../seedSession.ts';
import { createSqliteSessionStore } from './sqliteSessionStore.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cercle-open-'));
  dirs.push(dir);
  return dir;
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('opening the SQLite file', () => {
  it('refuses an empty file instead of starting on a blank database', () => {
    const file = join(tempDir(), 'cercle.sqlite');
    writeFileSync(file, '');
    expect(() => createSqliteSessionStore({ file })).toThrow(/is empty \(0 bytes\)/);
    // Left as found, for the operator to look at.
    expect(statSync(file).size).toBe(0);
  });

  it('refuses a file that is not a SQLite database', () => {
    const file = join(tempDir(), 'cercle.sqlite');
    writeFileSync(file, 'these are not the pages you are looking for\n'.repeat(200));
    expect(() => createSqliteSessionStore({ file })).toThrow(/is not a SQLite database/);
  });

  it('creates the directory 0700 and the database, WAL and SHM 0600', async () => {
    const dir = join(tempDir(), 'data', 'nested');
    const file = join(dir, 'cercle.sqlite');
    const store = createSqliteSessionStore({ file });
    await seedSession(store, 's1');
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, '..'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    await store.close();
  });

  it('takes group and others’ access away from files an earlier version left readable', async () => {
    const dir = tempDir();
    const file = join(dir, 'cercle.sqlite');
    const first = createSqliteSessionStore({ file });
    await seedSession(first, 's1');
    await first.close();
    chmodSync(file, 0o644);
    const store = createSqliteSessionStore({ file });
    expect(mode(file)).toBe(0o600);
    expect(await store.load('s1')).not.toBeNull();
    await store.close();
  });
});
