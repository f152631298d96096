import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_VERSION } from '@cercle/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort, type ServerProcess, startServer } from '../support/serverProcess.ts';
import { postJson, until } from '../support/syncPanel.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dirs: string[] = [];
const servers: ServerProcess[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const server of servers.splice(0)) await server.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cercle-files-'));
  dirs.push(dir);
  return dir;
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the data files', () => {
  it('refuses to start on an empty database file, and says why', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'cercle.sqlite'), '');
    await expect(startServer({ dataDir })).rejects.toThrow(
      /cercle\.sqlite is empty \(0 bytes\): it is not a Cercle database/,
    );
    expect(statSync(join(dataDir, 'cercle.sqlite')).size).toBe(0);
  });

  it('refuses to start on a file that is not a SQLite database, and says why', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'cercle.sqlite'), '{"sessions": []}\n'.repeat(100));
    await expect(startServer({ dataDir })).rejects.toThrow(/is not a SQLite database/);
  });

  it('creates the data directory 0700 and the database, WAL and SHM 0600', async () => {
    const dataDir = join(tempDir(), 'cercle', 'data');
    const server = await startServer({ dataDir });
    servers.push(server);
    await postJson(`${server.url}/api/sessions`, {
      groupName: 'Cercle',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
    });
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'cercle.sqlite'))).toBe(0o600);
    expect(mode(join(dataDir, 'cercle.sqlite-wal'))).toBe(0o600);
    expect(mode(join(dataDir, 'cercle.sqlite-shm'))).toBe(0o600);
  });

  // The review filled the disk: 28 of 30 writes failed while /healthz and /readyz said ok. A file
  // size limit (prlimit) is a full disk as the server sees it, without root or a small volume.
  it('says not ready once the disk is full', async (context) => {
    if (spawnSync('prlimit', ['--version']).status !== 0) {
      context.skip('prlimit (util-linux) is not installed');
      return;
    }
    const dataDir = tempDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let output = '';
    const child = spawn(
      'prlimit',
      [
        `--fsize=${1024 * 1024}`,
        process.execPath,
        '--import',
        'tsx',
        join(ROOT, 'apps/server/src/server.ts'),
      ],
      {
        cwd: join(ROOT, 'apps/server'),
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          PUBLIC_URL: url,
          LOG_LEVEL: 'fatal',
          WRITE_BYTES_PER_MINUTE: '1000000000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(child);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const status = async (path: string) => {
      try {
        return (await fetch(`${url}${path}`)).status;
      } catch {
        return 0;
      }
    };
    const deadline = Date.now() + 30_000;
    while ((await status('/readyz')) !== 200) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(output);
      await new Promise((r) => setTimeout(r, 100));
    }
    const created = await postJson<{ sessionId: string; token: string }>(`${url}/api/sessions`, {
      groupName: 'Cercle',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
    });
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
    let failures = 0;
    let answers = 0;
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; commandId?: string | null };
      if (!message.commandId) return;
      answers += 1;
      if (message.type === 'error') failures += 1;
    });
    await new Promise((r) => socket.once('open', r));
    socket.send(
      JSON.stringify({
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        sessionId: created.sessionId,
        token: created.token,
        lastSeq: null,
      }),
    );
    // Notes of 20 KB until the file limit makes commits fail, at the pace a connection may send.
    for (let i = 0; failures === 0 && i < 400; i++) {
      const sent = answers;
      const paced = new Promise((r) => setTimeout(r, 110));
      socket.send(
        JSON.stringify({
          type: 'command',
          commandId: `n${i}`,
          command: { type: 'writeNote', text: `version ${i} `.padEnd(20_000, 'x') },
        }),
      );
      await until(() => answers > sent, 10_000, `note ${i} answered`);
      await paced;
    }
    socket.terminate();
    expect(failures).toBeGreaterThan(0);
    expect(await status('/readyz')).toBe(503);
    expect(await status('/healthz')).toBe(503);
  });
});
