import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
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
});
