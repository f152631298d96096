import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export interface PostgresOptions {
  /** `postgres://user:password@host:5432/database` */
  readonly url: string;
  /** A schema to hold Cercle's tables instead of `public`; created when missing. */
  readonly schema?: string;
  /** Connections kept by this instance; commits of one session are serialised anyway. */
  readonly poolSize?: number;
}

export interface PostgresDatabase {
  readonly db: NodePgDatabase<typeof schema>;
  readonly pool: pg.Pool;
}

export const POSTGRES_MIGRATIONS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../migrations/postgres',
);

/** Several instances starting together migrate one at a time: the key is arbitrary but fixed. */
const MIGRATION_LOCK_KEY = 4_242_017;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** How every connection of a store is made: to one database, in Cercle's schema. */
export function connectionConfig(options: PostgresOptions): pg.PoolConfig {
  const schemaName = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schemaName)) throw new Error(`invalid schema name: ${schemaName}`);
  return {
    connectionString: options.url,
    // A database that does not answer fails calls quickly, so readiness checks can say so.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    options: `-c search_path=${schemaName}`,
  };
}

/** The one place a PostgreSQL database is opened: pool set up, migrations applied. */
export async function openPostgres(options: PostgresOptions): Promise<PostgresDatabase> {
  const schemaName = options.schema ?? 'public';
  const pool = new pg.Pool({ ...connectionConfig(options), max: options.poolSize ?? 10 });
  // A connection that dies while idle (database restarted) must not take the process down: the
  // pool drops it and opens a fresh one on the next query.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await client.query(`create schema if not exists "${schemaName}"`);
      await migrate(db, {
        migrationsFolder: POSTGRES_MIGRATIONS_DIR,
        migrationsSchema: schemaName,
      });
    } finally {
      await client.query(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  return { db, pool };
}
