import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { CHECKPOINT_INTERVAL_MS, type Checkpointer, startCheckpointer } from './checkpointer.ts';
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
  /**
   * How old the last integrity check may be before a probe asks for another (it runs in the
   * housekeeping thread, off the event loop). Tests pass 0.
   */
  readonly integrityCheckMaxAgeMs?: number;
}

export interface SqliteDatabase {
  readonly db: BetterSQLite3Database<typeof schema>;
  readonly raw: Database.Database;
  /** The housekeeping thread of a file database; null in memory. */
  readonly checkpointer: Checkpointer | null;
  /** Closes the connection after the last checkpoint. */
  readonly close: () => Promise<void>;
}

/** Owner only: the database holds private notes, whoever else shares the machine. */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;
/** Once checkpointed, a WAL that grew in a burst is cut back to this on disk. */
export const WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Creates the directory and an empty file owner-only, or checks that the file found is a SQLite
 * database. SQLite would take an empty or foreign file for a new database and start silently on
 * it; the WAL and SHM it creates take the database file's mode.
 */
function prepareFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: DATA_DIR_MODE });
  if (!existsSync(file)) {
    writeFileSync(file, '', { mode: DATA_FILE_MODE, flag: 'wx' });
    return;
  }
  const size = statSync(file).size;
  if (size === 0)
    throw new Error(
      `${file} is empty (0 bytes): it is not a Cercle database. Restore it from a backup, or remove it to start with an empty database.`,
    );
  const header = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 512 || !header.equals(SQLITE_MAGIC))
    throw new Error(
      `${file} is not a SQLite database (its first bytes say otherwise): restore it from a backup, or set DATA_DIR elsewhere.`,
    );
  // Files an earlier version created readable by everyone lose group and other access.
  for (const path of [file, `${file}-wal`, `${file}-shm`])
    if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, DATA_FILE_MODE);
}

export const SQLITE_MIGRATIONS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../migrations/sqlite',
);

/** The one place a SQLite database is opened: pragmas set, migrations applied. */
export function openSqlite(options: SqliteOptions): SqliteDatabase {
  const isInMemory = options.file === ':memory:';
  if (!isInMemory) prepareFile(options.file);
  const raw = new Database(options.file);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Deleted rows and freed pages are overwritten with zeros: erased text leaves the file.
  raw.pragma('secure_delete = ON');
  raw.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const db = drizzle(raw, { schema });
  migrate(db, { migrationsFolder: SQLITE_MIGRATIONS_DIR });
  // A database in memory has no WAL to checkpoint.
  const checkpointer: Checkpointer | null = isInMemory
    ? null
    : startCheckpointer(
        raw,
        options.file,
        CHECKPOINT_INTERVAL_MS,
        options.integrityCheckMaxAgeMs === undefined
          ? {}
          : { integrityCheckMaxAgeMs: options.integrityCheckMaxAgeMs },
      );
  return {
    db,
    raw,
    checkpointer,
    close: async () => {
      await checkpointer?.close();
      if (raw.open) raw.close();
    },
  };
}
