import {
  createTeamsTestKeys,
  makeTeamsClaims,
  TEST_TENANT_ID,
  type TeamsTestKeys,
} from '@cercle/host-auth/testing';
import type { CreateSessionResponse, HostEnterResponse } from '@cercle/protocol';
import { createSqliteSessionStore } from '@cercle/storage';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../../app.ts';
import { makeConfig, makeDataDir } from '../../testing/testServer.ts';

const CLIENT_ID = '0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';
const HOST = 'cercle.test';
let keys: TeamsTestKeys;
let built: CercleApp | null = null;
const data = makeDataDir();

beforeAll(async () => {
  keys = await createTeamsTestKeys();
});

afterEach(async () => {
  await built?.app.close();
  built = null;
});

afterAll(() => data.remove());

async function app(teams: { clientId: string | null; tenantIds: string[] }) {
  built = await buildApp(makeConfig(data.dir, { teams, publicUrl: `https://${HOST}` }), {
    store: createSqliteSessionStore({ file: ':memory:' }),
    teamsKeys: keys.keys,
  });
  const created = await built.app.inject({
    method: 'POST',
    url: '/api/sessions',
    payload: { groupName: 'Codev Teams', templateKey: 'remote-2h', facilitatorName: 'Awa' },
  });
  return { app: built.app, sessionId: created.json<CreateSessionResponse>().sessionId };
}

async function token(claims: Record<string, unknown> = {}) {
  return keys.sign(
    makeTeamsClaims({ clientId: CLIENT_ID, host: HOST, now: Date.now(), ...claims }),
  );
}

describe('Teams SSO', () => {
  it('says whether SSO is on', async () => {
    const off = await app({ clientId: null, tenantIds: [] });
    expect((await off.app.inject('/api/teams/settings')).json()).toEqual({ sso: false });
    const enter = await off.app.inject({
      method: 'POST',
      url: '/api/teams/enter',
      payload: { sessionId: off.sessionId, ssoToken: await token() },
    });
    expect(enter.statusCode).toBe(503);
  });

  it('binds a verified Teams user to one person of the session', async () => {
    const on = await app({ clientId: CLIENT_ID, tenantIds: [] });
    expect((await on.app.inject('/api/teams/settings')).json()).toEqual({ sso: true });
    const enter = async (ssoToken: string) =>
      on.app.inject({
        method: 'POST',
        url: '/api/teams/enter',
        payload: { sessionId: on.sessionId, ssoToken },
      });
    const first = await enter(await token());
    expect(first.statusCode).toBe(200);
    const again = await enter(await token({ version: 'v1' }));
    expect(again.json<HostEnterResponse>().personId).toBe(first.json<HostEnterResponse>().personId);
    const room = await built!.rooms.get(on.sessionId);
    expect(room?.state.people.map((p) => p.displayName)).toEqual(['Awa', 'Camille Martin']);
    const other = await enter(
      await token({ oid: '99999999-1111-4a4a-9c9c-0123456789ab', name: 'Dominique' }),
    );
    expect(other.json<HostEnterResponse>().personId).not.toBe(
      first.json<HostEnterResponse>().personId,
    );
  });

  it.each([
    ['expired', { now: Date.now() - 3 * 3600_000 }],
    ['for another app', { aud: 'someone-else' }],
    ['without the scope', { scp: 'User.Read' }],
  ])('refuses a token %s', async (_label, claims) => {
    const on = await app({ clientId: CLIENT_ID, tenantIds: [] });
    const ssoToken = await keys.sign(
      makeTeamsClaims({ clientId: CLIENT_ID, host: HOST, now: Date.now(), ...claims }),
    );
    const response = await on.app.inject({
      method: 'POST',
      url: '/api/teams/enter',
      payload: { sessionId: on.sessionId, ssoToken },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('keeps out tenants not on the allow-list', async () => {
    const on = await app({
      clientId: CLIENT_ID,
      tenantIds: ['11111111-2222-4333-8444-555555555555'],
    });
    const response = await on.app.inject({
      method: 'POST',
      url: '/api/teams/enter',
      payload: { sessionId: on.sessionId, ssoToken: await token({ tid: TEST_TENANT_ID }) },
    });
    expect(response.statusCode).toBe(401);
  });
});
