import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const outDirs: string[] = [];

function run(args: readonly string[]) {
  const cwd = mkdtempSync(join(tmpdir(), 'cercle-manifests-'));
  outDirs.push(cwd);
  const env = { ...process.env, INIT_CWD: cwd, TEAMS_APP_ID: '', TEAMS_CLIENT_ID: '' };
  const result = spawnSync(process.execPath, [TSX, CLI, ...args], { cwd, env, encoding: 'utf8' });
  return { ...result, cwd };
}

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

describe('manifests command', () => {
  it('writes the Zoom manifest and the Teams package, relative to where it was started', () => {
    const { status, stdout, stderr, cwd } = run([
      '--base-url',
      'https://cercle.example.org',
      '--out',
      'hosts',
    ]);

    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain(join(cwd, 'hosts', 'zoom-app-manifest.json'));
    const zoom = JSON.parse(readFileSync(join(cwd, 'hosts', 'zoom-app-manifest.json'), 'utf8'));
    expect(zoom.features.production_home_uri).toBe('https://cercle.example.org/zoom/home');
    expect(existsSync(join(cwd, 'hosts', 'teams-app.zip'))).toBe(true);
  });

  it('exits with 2 and says why on a non-https base URL', () => {
    const { status, stderr, cwd } = run([
      '--base-url',
      'http://cercle.example.org',
      '--out',
      'hosts',
    ]);

    expect(status).toBe(2);
    expect(stderr).toMatch(/--base-url must start with https:\/\//);
    expect(existsSync(join(cwd, 'hosts'))).toBe(false);
  });

  it('exits with 2 when the base URL is missing', () => {
    const { status, stderr } = run(['--out', 'hosts']);

    expect(status).toBe(2);
    expect(stderr).toMatch(/missing --base-url/);
  });
});
