import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommit } from './groupCommit.ts';

describe('groupCommit', () => {
  let db: Database.Database;
  let commits: number;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)');
    commits = 0;
  });
  afterEach(() => db.close());

  const insertAll = (labels: readonly string[]) => {
    const insert = db.prepare('INSERT INTO rows (label) VALUES (?)');
    for (const label of labels) insert.run(label);
    return labels.length;
  };
  const make = () =>
    groupCommit(
      (work: () => void) => {
        db.transaction(work).immediate();
        commits += 1;
      },
      (labels: readonly string[]) => db.transaction(insertAll)(labels),
    );
  const labels = () => db.prepare('SELECT label FROM rows ORDER BY id').pluck().all();

  it('commits the writes of one turn together, each resolving with its own result', async () => {
    const { run } = make();
    const results = await Promise.all([run(['a']), run(['b', 'c']), run(['d'])]);
    expect(results).toEqual([1, 2, 1]);
    expect(commits).toBe(1);
    expect(labels()).toEqual(['a', 'b', 'c', 'd']);
    await run(['e']);
    expect(commits).toBe(2);
  });

  it('rolls back only the write that failed, all of it, and commits the others', async () => {
    const { run } = make();
    const outcomes = await Promise.allSettled([run(['a']), run(['b', 'a']), run(['c'])]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // 'b' was inserted before the failing 'a': its savepoint took it back too.
    expect(labels()).toEqual(['a', 'c']);
  });

  it('resolves nothing before the commit, and rejects every write when the commit fails', async () => {
    let failCommit = true;
    const { run } = groupCommit(
      (work: () => void) => {
        work();
        if (failCommit) throw new Error('disk full');
      },
      (label: string) => label,
    );
    const outcomes = await Promise.allSettled([run('a'), run('b')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    failCommit = false;
    await expect(run('c')).resolves.toBe('c');
  });

  it('commits at once when flushed, e.g. before closing', async () => {
    const { run, flush } = make();
    const pending = run(['a']);
    flush();
    expect(labels()).toEqual(['a']);
    await expect(pending).resolves.toBe(1);
  });
});
