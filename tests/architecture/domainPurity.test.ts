import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    const isSource = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    return isSource ? [path] : [];
  });
}

/** The packages a set of files imports: bare specifiers, cut to the package name. */
function packagesOf(files: readonly string[]): string[] {
  const names = files
    .flatMap(importsOf)
    .filter((specifier) => !specifier.startsWith('.'))
    .map((specifier) => {
      const parts = specifier.split('/');
      return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
    });
  return [...new Set(names)].sort();
}

const IMPORT = /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
}

describe('dependencies flow one way', () => {
  const domainFiles = sourceFiles(join(ROOT, 'packages/domain/src'));

  it('finds the domain sources', () => {
    expect(domainFiles.length).toBeGreaterThan(10);
  });

  it.each(domainFiles.map((f) => [relative(ROOT, f), f]))(
    '%s imports only domain files',
    (_name, file) => {
      const outside = importsOf(file).filter(
        (specifier) => !specifier.startsWith('./') && !specifier.startsWith('../'),
      );
      expect(outside).toEqual([]);
    },
  );

  it.each(domainFiles.map((f) => [relative(ROOT, f), f]))(
    '%s reads no clock and draws no random number',
    (_name, file) => {
      const code = readFileSync(file, 'utf8');
      for (const forbidden of [
        'Date.now',
        'new Date(',
        'Math.random',
        'crypto.',
        'process.env',
        'performance.now',
      ])
        expect(code.includes(forbidden), `${forbidden} in ${file}`).toBe(false);
    },
  );

  it('the protocol depends on the domain and zod only', () => {
    const imports = sourceFiles(join(ROOT, 'packages/protocol/src')).flatMap(importsOf);
    const packages = new Set(imports.filter((s) => !s.startsWith('.')));
    expect([...packages].sort()).toEqual(['@cercle/domain', 'zod']);
  });

  it('apps never import each other', () => {
    for (const app of ['server', 'panel']) {
      const imports = sourceFiles(join(ROOT, 'apps', app, 'src')).flatMap(importsOf);
      expect(
        imports.filter(
          (s) =>
            s.includes('apps/') || s.startsWith('@cercle/server') || s.startsWith('@cercle/panel'),
        ),
      ).toEqual([]);
    }
  });

  it('storage depends on the domain, its databases and Node only: never on the protocol or an app', () => {
    // The contract suite is the one file that is a test run against each store.
    const files = sourceFiles(join(ROOT, 'packages/storage/src')).filter(
      (file) => !file.endsWith('storeContract.ts'),
    );
    const packages = packagesOf(files);
    const allowed = ['@cercle/domain', 'better-sqlite3', 'drizzle-orm', 'pg'];
    expect(packages.filter((name) => !name.startsWith('node:') && !allowed.includes(name))).toEqual(
      [],
    );
  });

  it('the panel runs in a browser: no Node, no server, no storage, no database', () => {
    const packages = packagesOf(sourceFiles(join(ROOT, 'apps/panel/src')));
    const allowed = [
      '@cercle/domain',
      '@cercle/protocol',
      '@cercle/manifests',
      '@microsoft/teams-js',
      '@zoom/appssdk',
      'react',
      'react-dom',
      'zod',
    ];
    expect(packages.filter((name) => !allowed.includes(name))).toEqual([]);
    // Only the browser-safe corners of the manifests package.
    const manifests = sourceFiles(join(ROOT, 'apps/panel/src'))
      .flatMap(importsOf)
      .filter((specifier) => specifier.startsWith('@cercle/manifests'));
    for (const specifier of manifests)
      expect(['@cercle/manifests/zoomApis', '@cercle/manifests/hostRoutes']).toContain(specifier);
  });
});
