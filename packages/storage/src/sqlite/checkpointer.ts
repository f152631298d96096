import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's own default: the commit that takes the WAL past this many pages checkpoints. */
export const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
export const CHECKPOINT_INTERVAL_MS = 500;
/**
 * A probe older than this asks for a new integrity check (`PRAGMA quick_check`, which reads every
 * page: a fraction of a second per 100 MB, in the worker). Corruption is rare and lasting; a
 * full or read-only disk is caught at once by the probe's own write.
 */
export const INTEGRITY_CHECK_MAX_AGE_MS = 60_000;

/**
 * Moves WAL checkpoints off the event loop. Left to itself, SQLite checkpoints inside the commit
 * that takes the WAL past 1,000 pages: that commit copies the pages into the database file and
 * syncs it, 5–20 ms in which no panel hears anything (several times a second under load, see
 * docs/PERFORMANCE.md). Here the server's connection never checkpoints; a worker thread with its
 * own connection runs PASSIVE checkpoints, which never block the writer. Should the worker fail,
 * the connection checkpoints itself again, so the WAL never grows without bound.
 *
 * The same thread truncates the WAL after an erasure (one checkpointer at a time: a checkpoint
 * running elsewhere would make TRUNCATE busy) and checks the database's integrity for readiness.
 */
export interface Checkpointer {
  /**
   * Copies the whole WAL into the database and cuts it to zero bytes, so that pages an erasure
   * rewrote leave no older copy there. False when a reader kept it busy: the worker then tries
   * again at every tick until it succeeds.
   */
  truncate(): Promise<boolean>;
  /** Null when the latest integrity check found the database sound, else what it found. */
  integrity(): Promise<string | null>;
  /** Stops the worker after one last checkpoint. */
  close(): Promise<void>;
}

export interface CheckpointerOptions {
  readonly integrityCheckMaxAgeMs?: number;
}

interface Reply {
  readonly id: number;
  readonly ok: boolean;
  readonly detail: string | null;
}

// Plain CommonJS, evaluated in the worker: on Node 20 workers do not inherit the TypeScript loader.
// A checkpoint that finds the database busy is simply tried again at the next tick.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
let mustTruncate = false;
const truncate = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)');
    mustTruncate = result.busy !== 0;
  } catch {
    mustTruncate = true;
  }
  return !mustTruncate;
};
const checkpoint = () => {
  if (mustTruncate) return void truncate();
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
};
// A connection of its own, opened for the check: nothing cached can hide what is on disk.
const check = () => {
  let reader = null;
  try {
    reader = new Database(workerData.file, { readonly: true, fileMustExist: true });
    const rows = reader.pragma('quick_check(5)').map((row) => row.quick_check);
    return rows.length === 1 && rows[0] === 'ok' ? null : rows.join('; ');
  } catch (error) {
    return String((error && error.message) || error);
  } finally {
    try { if (reader) reader.close(); } catch {}
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'close') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.close();
    return;
  }
  if (message.type === 'truncate') {
    const ok = truncate();
    parentPort.postMessage({ id: message.id, ok, detail: null });
  } else if (message.type === 'check') {
    const detail = check();
    parentPort.postMessage({ id: message.id, ok: detail === null, detail });
  }
});
`;

export function startCheckpointer(
  connection: Database.Database,
  file: string,
  intervalMs = CHECKPOINT_INTERVAL_MS,
  options: CheckpointerOptions = {},
): Checkpointer {
  const maxAgeMs = options.integrityCheckMaxAgeMs ?? INTEGRITY_CHECK_MAX_AGE_MS;
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
  let hasExited = false;
  let nextId = 0;
  const waiting = new Map<number, (reply: Reply | null) => void>();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const checkpointHere = () => {
    hasExited = true;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
    if (!isClosing && connection.open)
      connection.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('error', checkpointHere);
  worker.on('exit', checkpointHere);
  worker.on('message', (reply: Reply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  /** Null when the worker is not there to answer. */
  const ask = (type: 'truncate' | 'check') =>
    new Promise<Reply | null>((resolve) => {
      if (isClosing || hasExited) return resolve(null);
      nextId += 1;
      waiting.set(nextId, resolve);
      worker.postMessage({ type, id: nextId });
    });

  let checked: { readonly at: number; readonly problem: string | null } | null = null;
  let checking: Promise<string | null> | null = null;
  const check = (): Promise<string | null> => {
    checking ??= ask('check').then((reply) => {
      checking = null;
      if (reply) checked = { at: Date.now(), problem: reply.detail };
      return checked?.problem ?? null;
    });
    return checking;
  };
  // Started now, so that the first readiness probe seldom has to wait for it.
  void check();

  return {
    async truncate() {
      const reply = await ask('truncate');
      if (reply) return reply.ok;
      // No worker: this connection is the only checkpointer left.
      if (!connection.open) return false;
      const [result] = connection.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      return result?.busy === 0;
    },
    async integrity() {
      if (checked === null) return check();
      if (Date.now() - checked.at >= maxAgeMs) void check();
      return checked.problem;
    },
    async close() {
      if (isClosing) return exited;
      isClosing = true;
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
      worker.postMessage('close');
      await exited;
    },
  };
}
