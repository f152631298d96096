import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Beside the build output: the inputs' hash, and how long building them took. */
export const INPUTS_HASH_FILE = '.inputs-sha256';
const BUILD_SECONDS_FILE = '.build-seconds';
/** A first build's length on a 2-core machine, said before any build was timed here. */
const FIRST_BUILD_GUESS_S = 15;

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', 'test-results']);
/** Files that never reach the bundle: tests and notes. */
const SKIPPED_FILE = /(\.test\.tsx?|\.md|^vitest\.config\.ts)$/;

export function panelDist(root: string): string {
  return join(root, 'apps/panel/dist');
}

function filesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...filesUnder(join(dir, entry.name)));
    } else if (entry.isFile() && !SKIPPED_FILE.test(entry.name)) files.push(join(dir, entry.name));
  }
  return files;
}

/** A workspace package (`apps/panel`, say) and every workspace package it depends on. */
export function workspaceDirsOf(root: string, packageDir: string): string[] {
  const byName = new Map<string, string>();
  for (const name of readdirSync(join(root, 'packages'))) {
    const manifest = join(root, 'packages', name, 'package.json');
    if (existsSync(manifest))
      byName.set(JSON.parse(readFileSync(manifest, 'utf8')).name, join(root, 'packages', name));
  }
  const dirs: string[] = [];
  const visit = (dir: string) => {
    if (dirs.includes(dir)) return;
    dirs.push(dir);
    const { dependencies = {}, devDependencies = {} } = JSON.parse(
      readFileSync(join(dir, 'package.json'), 'utf8'),
    );
    for (const [name, version] of Object.entries({ ...dependencies, ...devDependencies })) {
      const workspaceDir = byName.get(name);
      if (String(version).startsWith('workspace:') && workspaceDir) visit(workspaceDir);
    }
  };
  visit(join(root, packageDir));
  return dirs;
}

/**
 * A hash of what the panel's build reads: its sources, index.html, Vite config, the workspace
 * packages it imports, and the lockfile (which pins Vite and every library). Paths count too, so a
 * renamed file changes it.
 */
export function panelInputsHash(root: string): string {
  return inputsHash(root, 'apps/panel');
}

/** The hash of a workspace package's inputs and its workspace dependencies', with the lockfile. */
export function inputsHash(root: string, packageDir: string, extraFiles: string[] = []): string {
  const files = [
    ...workspaceDirsOf(root, packageDir).flatMap(filesUnder),
    join(root, 'pnpm-lock.yaml'),
    ...extraFiles,
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(root, file).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
}

export function isPanelBuildCurrent(root: string, inputsHash = panelInputsHash(root)): boolean {
  const dist = panelDist(root);
  return (
    existsSync(join(dist, 'index.html')) && readOr(join(dist, INPUTS_HASH_FILE), '') === inputsHash
  );
}

/** Runs the panel's Vite build; its output shown (`inherit`) or kept for a failure (`pipe`). */
function runVite(root: string, output: 'inherit' | 'pipe'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--filter', '@cercle/panel', 'build'], {
      cwd: root,
      stdio: ['ignore', output, output],
    });
    let printed = '';
    child.stdout?.on('data', (chunk) => {
      printed += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      printed += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the panel build failed (${code}):\n${printed}`)),
    );
  });
}

/** Builds the panel and stamps the build with its inputs' hash and how long it took. */
export async function buildPanel(
  root: string,
  output: 'inherit' | 'pipe' = 'inherit',
): Promise<number> {
  // The inputs as they were read before the build: an edit during it builds again next time.
  const inputsHash = panelInputsHash(root);
  const started = performance.now();
  await runVite(root, output);
  const seconds = (performance.now() - started) / 1000;
  const dist = panelDist(root);
  writeFileSync(join(dist, INPUTS_HASH_FILE), `${inputsHash}\n`);
  writeFileSync(join(dist, BUILD_SECONDS_FILE), `${seconds.toFixed(1)}\n`);
  return seconds;
}

/**
 * Builds the panel only when its inputs changed since the build in `apps/panel/dist`, saying what
 * it does: a start on an unchanged checkout serves the existing build at once.
 */
export async function ensurePanelBuild(
  root: string,
  say: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<'upToDate' | 'built'> {
  const dist = panelDist(root);
  if (isPanelBuildCurrent(root)) {
    say('The panel is up to date (apps/panel/dist).');
    return 'upToDate';
  }
  const hasBuild = existsSync(join(dist, 'index.html'));
  const lastSeconds = Number(readOr(join(dist, BUILD_SECONDS_FILE), ''));
  const aboutS = Math.max(1, Math.round(lastSeconds || FIRST_BUILD_GUESS_S));
  say(
    `Building the panel… (${hasBuild ? 'its sources changed' : 'first start'}, about ${aboutS} s)`,
  );
  const seconds = await buildPanel(root, 'pipe');
  say(`The panel is built (${seconds.toFixed(1)} s).`);
  return 'built';
}
