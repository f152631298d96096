import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteSessionStore } from '@cercle/storage';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';

describe('GET /api/address', () => {
  it('says the address the server is published at, to anyone, and nothing else', async () => {
    const data = makeDataDir();
    const panelDir = join(data.dir, 'panel');
    mkdirSync(panelDir);
    writeFileSync(join(panelDir, 'index.html'), '<!doctype html><title>Cercle</title>');
    const config = makeConfig(data.dir, { panelDir });
    const built = await buildApp(config, { store: createSqliteSessionStore({ file: ':memory:' }) });
    try {
      const response = await built.app.inject({ method: 'GET', url: '/api/address' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ publicUrl: config.publicUrl });
    } finally {
      await built.app.close();
      data.remove();
    }
  });
});
