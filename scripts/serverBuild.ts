import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { INPUTS_HASH_FILE, inputsHash, readOr } from './panelBuild.ts';

/** Where `pnpm start` runs the server from: one ES module, the libraries left in node_modules. */
export const SERVER_BUNDLE = 'apps/server/dist/server.mjs';
const THIS_FILE = fileURLToPath(import.meta.url);

/**
 * Each bundled TypeScript file keeps its own `import.meta.url`, so what it finds beside itself (the
 * migrations, the panel's build, better-sqlite3 for the checkpoint thread) is where it was.
 */
const ownUrls: Plugin = {
  name: 'cercle:own-import-meta-url',
  setup(plugins) {
    plugins.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          JSON.stringify(pathToFileURL(args.path).href),
        ),
        loader: 'ts',
      };
    });
  },
};

/**
 * The workspace's own TypeScript is bundled; every library stays a file of node_modules, imported
 * by its full path as the package that uses it resolves it (pnpm keeps no flat node_modules).
 */
const librariesWhereTheyAre: Plugin = {
  name: 'cercle:libraries-where-they-are',
  setup(plugins) {
    plugins.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@cercle/') || args.pluginData === 'resolving') return undefined;
      const resolved = await plugins.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return undefined;
      return { path: resolved.path, external: true };
    });
  },
};

/** The bundle names libraries by absolute path: a checkout moved elsewhere compiles again. */
function serverInputsHash(root: string): string {
  return createHash('sha256')
    .update(inputsHash(root, 'apps/server', [THIS_FILE]))
    .update(resolve(root))
    .digest('hex');
}

/**
 * Bundles the server when its sources, the packages it imports or the lockfile changed since the
 * last bundle. Loading one file rather than each TypeScript module through a loader takes about a
 * third of the time (docs/PERFORMANCE.md, "Start").
 */
export async function ensureServerBuild(
  root: string,
  say: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<'upToDate' | 'built'> {
  const bundle = join(root, SERVER_BUNDLE);
  const hashFile = join(dirname(bundle), INPUTS_HASH_FILE);
  const hash = serverInputsHash(root);
  if (existsSync(bundle) && readOr(hashFile, '') === hash) return 'upToDate';
  const started = performance.now();
  await build({
    entryPoints: [join(root, 'apps/server/src/server.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [ownUrls, librariesWhereTheyAre],
  });
  mkdirSync(dirname(bundle), { recursive: true });
  writeFileSync(hashFile, `${hash}\n`);
  say(`The server is compiled (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  return 'built';
}
