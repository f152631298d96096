import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeSessionStoreContract } from '../storeContract.ts';
import { createSqliteSessionStore } from './sqliteSessionStore.ts';

describeSessionStoreContract('SQLite :memory:', async () => ({
  store: createSqliteSessionStore({ file: ':memory:' }),
}));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeSessionStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cercle-store-'));
  dirs.push(dir);
  const file = join(dir, 'cercle.sqlite');
  return {
    store: createSqliteSessionStore({ file }),
    reopen: async () => createSqliteSessionStore({ file, synchronous: 'FULL' }),
  };
});
