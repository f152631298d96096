import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { type Checkpointer, startCheckpointer } from './checkpointer.ts';
import * as schema from './schema.ts';

export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface SqliteOptions {
  /** A file path, or ':memory:'. */
  readonly file: string;
  /**
   * NORMAL (default) in WAL mode survives a process crash but may lose the last commits on a
   * power cut; FULL syncs every commit to disk.
   */
  readonly synchronous?: SqliteSynchronous;
}

export interface SqliteDatabase {
  readonly db: BetterSQLite3Database<typeof schema>;
  readonly raw: Database.Database;
  /** Closes the connection after the last checkpoint. */
  readonly close: () => Promise<void>;
}

export const SQLITE_MIGRATIONS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../migrations/sqlite',
);

/** The one place a SQLite database is opened: pragmas set, migrations applied. */
export function openSqlite(options: SqliteOptions): SqliteDatabase {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const raw = new Database(options.file);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = drizzle(raw, { schema });
  migrate(db, { migrationsFolder: SQLITE_MIGRATIONS_DIR });
  // A database in memory has no WAL to checkpoint.
  const checkpointer: Checkpointer | null =
    options.file === ':memory:' ? null : startCheckpointer(raw, options.file);
  return {
    db,
    raw,
    close: async () => {
      await checkpointer?.close();
      if (raw.open) raw.close();
    },
  };
}
