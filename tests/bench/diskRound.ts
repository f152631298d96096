import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RETENTION_DAYS } from '@cercle/protocol';
import { sweepRetention } from '../../apps/server/src/jobs/retentionSweep.ts';
import { startTestServer, type TestServer } from '../../apps/server/src/testing/testServer.ts';
import { runTypicalSession } from './typicalSession.ts';

const DAY_MS = 86_400_000;

export interface DiskFigures {
  readonly sessions: number;
  /** Commands sent and events logged per session. */
  readonly commandsPerSession: number;
  readonly eventsPerSession: number;
  /** The database files with no session, as the server leaves them on stopping. */
  readonly emptyBytes: number;
  /** Bytes on disk per session: the files' growth, divided by the sessions. */
  readonly bytesPerSession: number;
  /** The same once the retention sweep erased the sessions' content. */
  readonly bytesPerSessionAfterRetention: number;
  /** Of those, what the database still uses: pages not on its free list. */
  readonly usedBytesPerSession: number;
  readonly usedBytesPerSessionAfterRetention: number;
  readonly retentionDays: number;
}

/** cercle.sqlite with its WAL and shared-memory file, as they lie on disk. */
function bytesOnDisk(dataDir: string): number {
  const file = join(dataDir, 'cercle.sqlite');
  return [file, `${file}-wal`, `${file}-shm`]
    .filter((path) => existsSync(path))
    .reduce((total, path) => total + statSync(path).size, 0);
}

/**
 * Bytes of the database's pages in use, from its header (page size, page count, free pages): freed
 * pages stay in the file, zeroed, until new rows take them.
 */
function bytesInUse(dataDir: string): number {
  const header = Buffer.alloc(100);
  const fd = openSync(join(dataDir, 'cercle.sqlite'), 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65_536 : header.readUInt16BE(16);
  return (header.readUInt32BE(28) - header.readUInt32BE(36)) * pageSize;
}

/**
 * Bytes on disk per typical two-hour session (tests/bench/typicalSession.ts) on a fresh SQLite
 * file, through the server's own code listening on a port, with its clock moved along the session
 * and then past the group's retention. Each figure is read with the server stopped, as a backup
 * or a disk quota sees the files.
 */
export async function diskFigures(sessions: number): Promise<DiskFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cercle-disk-'));
  let clock = Date.now();
  const now = () => clock;
  const open = (): Promise<TestServer> =>
    startTestServer(dataDir, { creationsPerMinute: 1_000_000 }, { now });
  // The store's checkpoint thread is unreferenced, so that a signal stops a server at once; its
  // reply to a close keeps nothing else waiting here, and Node would leave before it came.
  const awake = setInterval(() => undefined, 1000);
  try {
    const empty = await open();
    await empty.stop();
    const emptyBytes = bytesOnDisk(dataDir);
    const emptyUsed = bytesInUse(dataDir);

    const server = await open();
    let commands = 0;
    let events = 0;
    for (let i = 0; i < sessions; i++) {
      const result = await runTypicalSession(
        server.url,
        (ms) => {
          clock += ms;
        },
        `Cercle ${i + 1}`,
      );
      commands += result.commands;
      events += result.seq;
    }
    // Retention counts from the group's last activity: the sessions' ends.
    clock += 10 * 60_000;
    await server.stop();
    const withSessions = bytesOnDisk(dataDir);
    const withSessionsUsed = bytesInUse(dataDir);

    clock += (DEFAULT_RETENTION_DAYS + 1) * DAY_MS;
    const later = await open();
    // The server's own sweep at start-up erases them; this one waits until it is done.
    await sweepRetention(later.store, later.rooms, clock);
    await later.stop();
    const afterRetention = bytesOnDisk(dataDir);
    const afterRetentionUsed = bytesInUse(dataDir);

    return {
      sessions,
      commandsPerSession: commands / sessions,
      eventsPerSession: events / sessions,
      emptyBytes,
      bytesPerSession: (withSessions - emptyBytes) / sessions,
      bytesPerSessionAfterRetention: (afterRetention - emptyBytes) / sessions,
      usedBytesPerSession: (withSessionsUsed - emptyUsed) / sessions,
      usedBytesPerSessionAfterRetention: (afterRetentionUsed - emptyUsed) / sessions,
      retentionDays: DEFAULT_RETENTION_DAYS,
    };
  } finally {
    clearInterval(awake);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
