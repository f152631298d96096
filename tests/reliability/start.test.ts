import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateSessionResponse } from '@cercle/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { INPUTS_HASH_FILE } from '../../scripts/panelBuild.ts';
import { SERVER_BUNDLE } from '../../scripts/serverBuild.ts';
import { CONDITION_TIMEOUT_MS } from '../support/patience.ts';
import { pnpmStart } from '../support/pnpmStart.ts';
import { postJson, startSyncPanel, until } from '../support/syncPanel.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the checkout's sources, its installed packages linked rather than copied: the starts
 * build and read this copy, unmoved by edits in the working tree and leaving its build alone.
 */
function copyOfCheckout(): string {
  const copy = mkdtempSync(join(tmpdir(), 'cercle-start-'));
  dirs.push(copy);
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'pnpm-lock.yaml', 'tsconfig.json'])
    cpSync(join(ROOT, file), join(copy, file));
  cpSync(join(ROOT, 'scripts'), join(copy, 'scripts'), { recursive: true });
  const packageDirs = [
    'apps/panel',
    'apps/server',
    ...readdirSync(join(ROOT, 'packages')).map((name) => `packages/${name}`),
  ];
  for (const dir of packageDirs) {
    mkdirSync(join(copy, dir), { recursive: true });
    for (const entry of readdirSync(join(ROOT, dir))) {
      if (entry === 'dist') continue;
      if (entry === 'node_modules') symlinkSync(join(ROOT, dir, entry), join(copy, dir, entry));
      else cpSync(join(ROOT, dir, entry), join(copy, dir, entry), { recursive: true });
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

/**
 * Runs `pnpm start` in `cwd` until the server answers /healthz, runs `use` against it, stops it,
 * and returns what it printed.
 */
async function start(
  cwd: string,
  dataDir: string,
  use: (url: string) => Promise<void> = async () => undefined,
): Promise<string> {
  const started = await pnpmStart(cwd, dataDir);
  try {
    await use(started.url);
  } finally {
    await started.stop();
  }
  return started.output();
}

/** What a person does first: the panel's page, a session created, its panel greeted. */
async function createAndOpenSession(url: string): Promise<void> {
  const page = await (await fetch(url)).text();
  expect(page).toMatch(/<script type="module"[^>]+src="\/assets\/[^"]+\.js"/);
  const created = await postJson<CreateSessionResponse>(`${url}/api/sessions`, {
    groupName: 'Cercle des cadres',
    templateKey: 'remote-2h',
    facilitatorName: 'Awa',
  });
  const panel = startSyncPanel(url, created.sessionId, created.token);
  try {
    await until(() => panel.snapshot.view !== null, CONDITION_TIMEOUT_MS, 'the panel’s welcome');
    expect(panel.snapshot.view?.groupName).toBe('Cercle des cadres');
  } finally {
    panel.stop();
  }
}

describe('pnpm start', () => {
  it('builds the panel and compiles the server on a first start, saying so; the next start serves both as they are', async () => {
    const copy = copyOfCheckout();
    const dataDir = join(copy, 'data');
    const dist = join(copy, 'apps/panel/dist');

    const first = await start(copy, dataDir, createAndOpenSession);
    expect(first).toMatch(/Building the panel… \(first start, about \d+ s\)/);
    expect(first).toMatch(/The panel is built \(\d+\.\d s\)/);
    expect(first).toMatch(/The server is compiled \(\d+\.\d s\)/);
    const built = {
      index: statSync(join(dist, 'index.html')).mtimeMs,
      hash: statSync(join(dist, INPUTS_HASH_FILE)).mtimeMs,
      server: statSync(join(copy, SERVER_BUNDLE)).mtimeMs,
    };

    const second = await start(copy, dataDir, createAndOpenSession);
    expect(second).toContain('The panel is up to date (apps/panel/dist).');
    expect(second).not.toContain('Building the panel');
    expect(second).not.toContain('The server is compiled');
    expect(statSync(join(dist, 'index.html')).mtimeMs).toBe(built.index);
    expect(statSync(join(dist, INPUTS_HASH_FILE)).mtimeMs).toBe(built.hash);
    expect(statSync(join(copy, SERVER_BUNDLE)).mtimeMs).toBe(built.server);
  });

  it('builds again what reads a changed source: a shared package both, a server file the server alone', async () => {
    const copy = copyOfCheckout();
    const dataDir = join(copy, 'data');
    await start(copy, dataDir);
    cpSync(join(copy, 'packages/protocol/src/index.ts'), join(copy, 'packages/protocol/src/x.ts'));
    const afterChange = await start(copy, dataDir);
    expect(afterChange).toMatch(/Building the panel… \(its sources changed, about \d+ s\)/);
    expect(afterChange).toContain('The server is compiled');
    expect(await start(copy, dataDir)).toContain('The panel is up to date');

    // A change the panel does not read compiles the server alone.
    cpSync(join(copy, 'apps/server/src/config.ts'), join(copy, 'apps/server/src/x.ts'));
    const serverOnly = await start(copy, dataDir, createAndOpenSession);
    expect(serverOnly).toContain('The panel is up to date');
    expect(serverOnly).toContain('The server is compiled');
  });

  it('serves what `pnpm build` built without building it again', async () => {
    const copy = copyOfCheckout();
    const built = spawnSync('pnpm', ['build'], { cwd: copy, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const index = statSync(join(copy, 'apps/panel/dist/index.html')).mtimeMs;
    expect(await start(copy, join(copy, 'data'))).toContain('The panel is up to date');
    expect(statSync(join(copy, 'apps/panel/dist/index.html')).mtimeMs).toBe(index);
  });
});
