import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What PostgreSQL and Redis did during a multi-instance round, beside the instances' own CPU. */
export interface ServicesUsage {
  /** CPU cores used by every PostgreSQL process, and by Redis. */
  readonly postgresCores: number;
  readonly redisCores: number;
  /** Transactions committed in the bench's database, and WAL flushes, per second. */
  readonly commitsPerSecond: number;
  readonly walSyncsPerSecond: number;
  /** Redis PUBLISH commands per second (each pipelined command counts). */
  readonly publishesPerSecond: number;
}

/** CPU seconds used so far by every process of that name, from /proc. */
function cpuOfCommand(name: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** A command-line client's answer, or '' where it is not installed: the figure is then NaN. */
function ask(command: string, args: readonly string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  } catch {
    return '';
  }
}

function counters(databaseUrl: string, redisUrl: string) {
  const [commits, syncs] = ask('psql', [
    databaseUrl,
    '-tAc',
    `select (select xact_commit from pg_stat_database where datname = current_database()) || ' ' ||
            (select wal_sync from pg_stat_wal)`,
  ])
    .trim()
    .split(' ')
    .map((v) => (v === '' ? Number.NaN : Number(v)));
  const stats = ask('redis-cli', ['-u', redisUrl, 'info', 'commandstats']);
  return {
    commits: commits ?? Number.NaN,
    syncs: syncs ?? Number.NaN,
    publishes: Number(/cmdstat_publish:calls=(\d+)/.exec(stats)?.[1] ?? Number.NaN),
    postgresCpu: cpuOfCommand('postgres'),
    redisCpu: cpuOfCommand('redis-server'),
    at: performance.now(),
  };
}

/**
 * Starts watching the shared services; the returned function gives their usage since. Other work
 * on the same PostgreSQL and Redis counts too: on a machine shared with other jobs, say so.
 */
export async function watchServices(
  databaseUrl: string,
  redisUrl: string,
): Promise<() => Promise<ServicesUsage>> {
  const before = counters(databaseUrl, redisUrl);
  return async () => {
    const after = counters(databaseUrl, redisUrl);
    const seconds = (after.at - before.at) / 1000;
    return {
      postgresCores: (after.postgresCpu - before.postgresCpu) / seconds,
      redisCores: (after.redisCpu - before.redisCpu) / seconds,
      commitsPerSecond: (after.commits - before.commits) / seconds,
      walSyncsPerSecond: (after.syncs - before.syncs) / seconds,
      publishesPerSecond: (after.publishes - before.publishes) / seconds,
    };
  };
}
