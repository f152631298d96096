import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZOOM_APP_APIS } from '@cercle/manifests/zoomApis';
import { describe, expect, it } from 'vitest';

/** Every Zoom SDK API this folder calls, and every event it listens to, read from its source. */
function apisUsedHere(): string[] {
  const used = new Set<string>();
  const dir = import.meta.dirname;
  for (const file of readdirSync(dir)) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    const source = readFileSync(join(dir, file), 'utf8');
    for (const [, api] of source.matchAll(/\bsdk\.(\w+)\(/g)) used.add(api!);
    for (const [, event] of source.matchAll(/\bsdk\.addEventListener\(\s*'(\w+)'/g))
      used.add(event!);
  }
  for (const plumbing of ['config', 'addEventListener', 'removeEventListener'])
    used.delete(plumbing);
  return [...used].sort();
}

describe('the capability list', () => {
  it('is exactly what the Zoom shell calls and listens to: no more, no less', () => {
    expect(apisUsedHere()).toEqual([...ZOOM_APP_APIS].sort());
  });
});
