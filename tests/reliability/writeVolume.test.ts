import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@cercle/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import { postJson, until } from '../support/syncPanel.ts';

// The review's probe: 20 sockets of one person writing 20,000-character notes grew the data
// directory from 6 to 53 MB in 10 s (every version of a note stays in the log). Here at a smaller
// scale: one person's panels (8, the cap per person) each send a note at the per-connection rate
// (10 frames a second) for six seconds, 9.6 MB offered.
const SOCKETS = 8;
const NOTES_PER_SOCKET = 60;
const NOTE_CHARS = 20_000;
const FRAME_INTERVAL_MS = 100;
const MiB = 1024 * 1024;

/** The bytes of every file in the data directory: the database, its WAL and SHM. */
function dataDirBytes(dir: string): number {
  return readdirSync(dir).reduce((total, name) => total + statSync(join(dir, name)).size, 0);
}

/** A panel of one person that writes notes as fast as its connection may, and counts answers. */
class Writer {
  readonly socket: WebSocket;
  accepted = 0;
  rateLimited = 0;
  failed = 0;
  sent = 0;
  isWelcomed = false;

  constructor(url: string, sessionId: string, token: string) {
    this.socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
    this.socket.on('open', () =>
      this.socket.send(
        JSON.stringify({
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          sessionId,
          token,
          lastSeq: null,
        }),
      ),
    );
    this.socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        code?: string;
        commandId?: string | null;
      };
      if (message.type === 'welcome') this.isWelcomed = true;
      const isMine = message.commandId?.startsWith(this.#prefix) ?? false;
      if (!isMine) return;
      if (message.type === 'event') this.accepted += 1;
      else if (message.type === 'error' && message.code === 'rateLimited') this.rateLimited += 1;
      else this.failed += 1;
    });
  }

  readonly #prefix = Math.random().toString(36).slice(2, 10);

  get answered(): number {
    return this.accepted + this.rateLimited + this.failed;
  }

  /** Sends a note every `FRAME_INTERVAL_MS`; resolves once all are sent. */
  flood(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        const n = this.sent++;
        const text = `${this.#prefix} version ${n} `.padEnd(NOTE_CHARS, 'x');
        this.socket.send(
          JSON.stringify({
            type: 'command',
            commandId: `${this.#prefix}-${n}`,
            command: { type: 'writeNote', text },
          }),
        );
        if (this.sent === NOTES_PER_SOCKET) {
          clearInterval(timer);
          resolve();
        }
      }, FRAME_INTERVAL_MS);
    });
  }
}

describe('write volume: one person’s sockets flooding notes', () => {
  let server: ServerProcess | null = null;
  const writers: Writer[] = [];

  afterEach(async () => {
    for (const writer of writers.splice(0)) writer.socket.terminate();
    await server?.dispose();
    server = null;
  });

  /** Floods from one person's panels; the largest size of the data directory meanwhile. */
  async function flood(env: Record<string, string>) {
    server = await startServer({ env });
    const created = await postJson<{ sessionId: string; participantLink: string }>(
      `${server.url}/api/sessions`,
      { groupName: 'Cercle', templateKey: 'remote-2h', facilitatorName: 'Awa' },
    );
    const joinToken = created.participantLink.split('#join=')[1];
    const bo = await postJson<{ token: string }>(
      `${server.url}/api/sessions/${created.sessionId}/join`,
      { joinToken, displayName: 'Bo' },
    );
    for (let i = 0; i < SOCKETS; i++)
      writers.push(new Writer(server.url, created.sessionId, bo.token));
    await until(() => writers.every((w) => w.isWelcomed), 20_000, 'every panel welcomed');
    const dataDir = server.dataDir;
    const before = dataDirBytes(dataDir);
    let largest = before;
    const sampler = setInterval(() => {
      largest = Math.max(largest, dataDirBytes(dataDir));
    }, 50);
    try {
      await Promise.all(writers.map((w) => w.flood()));
      await until(
        () => writers.every((w) => w.answered === NOTES_PER_SOCKET),
        60_000,
        'every note answered',
      );
    } finally {
      clearInterval(sampler);
    }
    largest = Math.max(largest, dataDirBytes(dataDir));
    const sum = (key: 'accepted' | 'rateLimited' | 'failed') =>
      writers.reduce((total, w) => total + w[key], 0);
    return {
      growth: largest - before,
      accepted: sum('accepted'),
      rateLimited: sum('rateLimited'),
      failed: sum('failed'),
    };
  }

  it('refuses what goes past the person’s budget: the data directory grows by about the budget', async () => {
    const result = await flood({});
    expect(result.failed).toBe(0);
    expect(result.rateLimited).toBeGreaterThan(0);
    // 2 MiB of text a minute (WRITE_VOLUME): about a hundred 20 KB notes of the 480 sent. Without
    // the budget all 480 were written and the directory grew by 10.8 MB.
    expect(result.accepted * NOTE_CHARS).toBeLessThanOrEqual(2 * MiB);
    expect(result.growth).toBeLessThan(6 * MiB);
  });

  it('folds old versions away when the budget is lifted: the log stays bounded', async () => {
    // As if the budget were shared by many people or instances: only the log bound is left.
    const result = await flood({
      WRITE_BYTES_PER_MINUTE: '1000000000',
      LOG_COMPACT_BYTES: String(MiB),
    });
    expect(result.failed).toBe(0);
    expect(result.accepted).toBe(SOCKETS * NOTES_PER_SOCKET);
    // 9.6 MB of notes accepted (12 MB of growth without the bound); the log holds at most 1 MiB
    // of them at a time, the rest is the latest snapshot, the WAL and free pages.
    expect(result.growth).toBeLessThan(6 * MiB);
  });
});
