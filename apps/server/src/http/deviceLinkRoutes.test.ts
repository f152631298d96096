import type {
  CreateSessionResponse,
  DeviceLinkResponse,
  StageLinkResponse,
} from '@cercle/protocol';
import { createSqliteSessionStore } from '@cercle/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../app.ts';
import { verifyToken } from '../auth/credentials.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';

let built: CercleApp | null = null;
const data = makeDataDir();

afterEach(async () => {
  await built?.app.close();
  built = null;
});

describe('a link to one’s own seat on another device', () => {
  it('opens the same person (the facilitator keeps facilitating); a stage capability gets none', async () => {
    built = await buildApp(makeConfig(data.dir), {
      store: createSqliteSessionStore({ file: ':memory:' }),
    });
    const { app, store } = built;
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/sessions',
        payload: { groupName: 'Codev', templateKey: 'remote-2h', facilitatorName: 'Awa' },
      })
    ).json<CreateSessionResponse>();
    const ask = (token: string, sessionId = created.sessionId) =>
      app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/device-link`,
        headers: { authorization: `Bearer ${token}` },
      });
    const answer = await ask(created.token);
    expect(answer.statusCode).toBe(201);
    const { url } = answer.json<DeviceLinkResponse>();
    expect(url).toMatch(new RegExp(`^http://cercle.test/s/${created.sessionId}#token=[\\w-]{43}$`));
    const token = url.split('#token=')[1] ?? '';
    expect(token).not.toBe(created.token);
    const check = await verifyToken(store, created.sessionId, token, Date.now());
    expect(check).toMatchObject({ ok: true, personId: created.personId });

    const stage = (
      await app.inject({
        method: 'POST',
        url: `/api/sessions/${created.sessionId}/stage-link`,
        headers: { authorization: `Bearer ${created.token}` },
      })
    ).json<StageLinkResponse>();
    expect((await ask(stage.token)).statusCode).toBe(403);
    expect((await ask(created.token, 'another-session')).statusCode).toBe(403);
    expect((await ask('not-a-credential-anybody-has')).statusCode).toBe(401);
  });
});
