import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's own default: the commit that takes the WAL past this many pages checkpoints. */
export const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
export const CHECKPOINT_INTERVAL_MS = 500;

/**
 * Moves WAL checkpoints off the event loop. Left to itself, SQLite checkpoints inside the commit
 * that takes the WAL past 1,000 pages: that commit copies the pages into the database file and
 * syncs it, 5–20 ms in which no panel hears anything (several times a second under load, see
 * docs/PERFORMANCE.md). Here the server's connection never checkpoints; a worker thread with its
 * own connection runs PASSIVE checkpoints, which never block the writer. Should the worker fail,
 * the connection checkpoints itself again, so the WAL never grows without bound.
 */
export interface Checkpointer {
  /** Stops the worker after one last checkpoint. */
  close(): Promise<void>;
}

// Plain CommonJS, evaluated in the worker: on Node 20 workers do not inherit the TypeScript loader.
// A checkpoint that finds the database busy is simply tried again at the next tick.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(
  connection: Database.Database,
  file: string,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): Checkpointer {
  connection.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      intervalMs,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
    },
    // It holds one connection and a timer: keep its heap small, it counts in the server's memory.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  // A server stopping on a signal must not wait for this thread.
  worker.unref();
  let isClosing = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const checkpointHere = () => {
    if (!isClosing && connection.open)
      connection.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('error', checkpointHere);
  worker.on('exit', checkpointHere);
  return {
    async close() {
      if (isClosing) return exited;
      isClosing = true;
      worker.postMessage('close');
      await exited;
    },
  };
}
