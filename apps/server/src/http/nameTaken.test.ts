import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateSessionResponse } from '@cercle/protocol';
import { createSqliteSessionStore, type SessionStore } from '@cercle/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../app.ts';
import { admitPerson } from '../auth/admitPerson.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';

let data: ReturnType<typeof makeDataDir>;
let store: SessionStore;
let built: CercleApp;

beforeEach(async () => {
  data = makeDataDir();
  const panelDir = join(data.dir, 'panel');
  mkdirSync(panelDir);
  writeFileSync(join(panelDir, 'index.html'), '<!doctype html><title>Cercle</title>');
  store = createSqliteSessionStore({ file: ':memory:' });
  built = await buildApp(makeConfig(data.dir, { panelDir }), { store });
});

afterEach(async () => {
  await built.app.close();
  data.remove();
});

async function openSession() {
  const response = await built.app.inject({
    method: 'POST',
    url: '/api/sessions',
    payload: { groupName: 'Cercle RH', templateKey: 'classic-6', facilitatorName: 'Awa' },
  });
  const created = response.json<CreateSessionResponse>();
  const joinToken = created.participantLink.split('#join=')[1];
  const join = (displayName: string) =>
    built.app.inject({
      method: 'POST',
      url: `/api/sessions/${created.sessionId}/join`,
      payload: { joinToken, displayName },
    });
  const names = async () =>
    (await built.rooms.get(created.sessionId))?.state.people.map((p) => p.displayName);
  return { sessionId: created.sessionId, join, names };
}

describe('one seat per name', () => {
  it('[R80] the participant link refuses a second seat under the same cleaned name with nameTaken', async () => {
    const session = await openSession();
    expect((await session.join('Bo')).statusCode).toBe(201);
    const again = await session.join('  Bo\u200B ');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'nameTaken' } });
    expect((await session.join('Awa')).json()).toMatchObject({ error: { code: 'nameTaken' } });
    expect(await session.names()).toEqual(['Awa', 'Bo']);
    expect((await session.join('Bo B.')).statusCode).toBe(201);
    expect(await session.names()).toEqual(['Awa', 'Bo', 'Bo B.']);
  });

  it('[R80] a host’s screen name already taken is numbered, never refused', async () => {
    const session = await openSession();
    await session.join('Bo');
    const room = await built.rooms.get(session.sessionId);
    if (!room) throw new Error('no room');
    for (let i = 0; i < 2; i += 1) {
      const admitted = await admitPerson(store, room, {
        displayName: 'Bo',
        kind: 'zoom',
        now: Date.now(),
      });
      expect(admitted.ok).toBe(true);
    }
    expect(await session.names()).toEqual(['Awa', 'Bo', 'Bo (2)', 'Bo (3)']);
  });
});
