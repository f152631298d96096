import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL tests use: CI and every development machine run one here. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL tests cannot run here, or null when the database answers. */
export async function postgresAbsence(url = TEST_DATABASE_URL): Promise<string | null> {
  return (await postgresReachable(url)) ? null : `PostgreSQL not reachable at ${url}`;
}

/** Whether that database answers within two seconds; says why tests are skipped when not. */
export async function postgresReachable(url = TEST_DATABASE_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    console.warn(
      `PostgreSQL not reachable at ${url} (${(error as Error).message}): skipping its tests`,
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestSchema {
  readonly url: string;
  /** A fresh schema of its own, so parallel test files and server processes never meet. */
  readonly name: string;
  drop(): Promise<void>;
}

async function run(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createTestSchema(url = TEST_DATABASE_URL): Promise<TestSchema> {
  const name = `cercle_test_${randomBytes(6).toString('hex')}`;
  await run(url, `create schema "${name}"`);
  return { url, name, drop: () => run(url, `drop schema if exists "${name}" cascade`) };
}
