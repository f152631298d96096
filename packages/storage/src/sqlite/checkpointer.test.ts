import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openWal(): { file: string; connection: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'cercle-checkpoint-'));
  dirs.push(dir);
  const file = join(dir, 'db.sqlite');
  const connection = new Database(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.exec('create table t (id integer primary key, body text not null)');
  return { file, connection };
}

/** Commits one row per transaction, as the server does: about 1 KB each. */
function writeRows(connection: Database.Database, count: number): void {
  const insert = connection.prepare('insert into t (body) values (?)');
  for (let i = 0; i < count; i++) insert.run('x'.repeat(1000));
}

const size = (file: string) => statSync(file).size;

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('background checkpoints', () => {
  it('the connection stops checkpointing in its commits; the worker copies the WAL into the database', async () => {
    const { file, connection } = openWal();
    const checkpointer = startCheckpointer(connection, file, 50);
    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = size(file);
    // 3,000 commits: with SQLite's default the writing connection would have checkpointed itself.
    writeRows(connection, 3000);
    await until(() => size(file) > before + 2_000_000);
    await checkpointer.close();
    connection.close();
  });

  it('keeps the WAL bounded: it is reused from the start once checkpointed', async () => {
    const { file, connection } = openWal();
    const checkpointer = startCheckpointer(connection, file, 20);
    // Ten bursts of a thousand commits: left unchecked the WAL would hold all ten.
    let oneBurst = 0;
    for (let burst = 0; burst < 10; burst++) {
      writeRows(connection, 1000);
      oneBurst ||= size(`${file}-wal`);
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(size(`${file}-wal`)).toBeLessThan(2 * oneBurst);
    expect(connection.prepare('select count(*) as n from t').get()).toEqual({ n: 10_000 });
    await checkpointer.close();
    connection.close();
  });

  it('closing runs a last checkpoint: the database file holds every commit', async () => {
    const { file, connection } = openWal();
    const checkpointer = startCheckpointer(connection, file, 60_000);
    writeRows(connection, 2000);
    const before = size(file);
    await checkpointer.close();
    expect(size(file)).toBeGreaterThan(before + 1_500_000);
    connection.close();
  });

  it('truncates the WAL to zero bytes on request, in the worker or, without one, in the connection', async () => {
    const { file, connection } = openWal();
    const checkpointer = startCheckpointer(connection, file, 60_000);
    writeRows(connection, 500);
    expect(size(`${file}-wal`)).toBeGreaterThan(500_000);
    expect(await checkpointer.truncate()).toBe(true);
    expect(size(`${file}-wal`)).toBe(0);
    expect(await checkpointer.integrity()).toBeNull();
    await checkpointer.close();

    const alone = startCheckpointer(connection, join(tmpdir(), 'missing-dir', 'x.sqlite'));
    await until(
      () =>
        connection.pragma('wal_autocheckpoint', { simple: true }) === SQLITE_AUTOCHECKPOINT_PAGES,
    );
    connection.pragma('wal_autocheckpoint = 0');
    writeRows(connection, 200);
    expect(size(`${file}-wal`)).toBeGreaterThan(200_000);
    expect(await alone.truncate()).toBe(true);
    expect(size(`${file}-wal`)).toBe(0);
    await alone.close();
    connection.close();
  });

  it('falls back to checkpointing in the connection when the worker cannot run', async () => {
    const { connection } = openWal();
    const checkpointer = startCheckpointer(connection, join(tmpdir(), 'missing-dir', 'x.sqlite'));
    await until(
      () =>
        connection.pragma('wal_autocheckpoint', { simple: true }) === SQLITE_AUTOCHECKPOINT_PAGES,
    );
    await checkpointer.close();
    connection.close();
  });
});
