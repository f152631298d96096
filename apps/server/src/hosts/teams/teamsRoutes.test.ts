import {
  createTeamsTestKeys,
  makeTeamsClaims,
  TEST_TENANT_ID,
  type TeamsTestKeys,
} from '@cercle/host-auth/testing';
import type { HostEnterResponse, TeamsSetupResponse } from '@cercle/protocol';
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

const MEETING = '19:meeting_NjQ1ZTRhYjktZjQ1Mi00@thread.v2';
const OTHER_MEETING = '19:meeting_OTHERMEETING0000000@thread.v2';
const ORGANISER = { oid: '77777777-1111-4a4a-9c9c-0123456789ab', name: 'Awa Diallo' };

async function setUp(meetingId: string, ssoToken: string | null = null, groupName = 'Codev Teams') {
  return built!.app.inject({
    method: 'POST',
    url: '/api/teams/sessions',
    payload: { meetingId, groupName, templateKey: 'remote-2h', facilitatorName: 'Awa', ssoToken },
  });
}

async function app(teams: { clientId: string | null; tenantIds: string[] }) {
  built = await buildApp(makeConfig(data.dir, { teams, publicUrl: `https://${HOST}` }), {
    store: createSqliteSessionStore({ file: ':memory:' }),
    teamsKeys: keys.keys,
  });
  const created = await setUp(MEETING);
  return { app: built.app, sessionId: created.json<TeamsSetupResponse>().sessionId };
}

async function token(claims: Record<string, unknown> = {}) {
  return keys.sign(
    makeTeamsClaims({ clientId: CLIENT_ID, host: HOST, now: Date.now(), ...claims }),
  );
}

describe('Teams SSO', () => {
  it('says whether SSO is on', async () => {
    const off = await app({ clientId: null, tenantIds: [] });
    expect((await off.app.inject('/api/teams/settings')).json()).toEqual({
      sso: false,
      appId: null,
    });
    const enter = await off.app.inject({
      method: 'POST',
      url: '/api/teams/enter',
      payload: { meetingId: MEETING, sessionId: off.sessionId, ssoToken: await token() },
    });
    expect(enter.statusCode).toBe(503);
  });

  it('binds a verified Teams user to one person of the session', async () => {
    const on = await app({ clientId: CLIENT_ID, tenantIds: [] });
    expect((await on.app.inject('/api/teams/settings')).json()).toEqual({ sso: true, appId: null });
    const enter = async (ssoToken: string) =>
      on.app.inject({
        method: 'POST',
        url: '/api/teams/enter',
        payload: { meetingId: MEETING, sessionId: on.sessionId, ssoToken },
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
      payload: { meetingId: MEETING, sessionId: on.sessionId, ssoToken },
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
      payload: {
        meetingId: MEETING,
        sessionId: on.sessionId,
        ssoToken: await token({ tid: TEST_TENANT_ID }),
      },
    });
    expect(response.statusCode).toBe(401);
  });

  it('admits an identity only into the session bound to the meeting it comes from', async () => {
    const on = await app({ clientId: CLIENT_ID, tenantIds: [] });
    const other = (await setUp(OTHER_MEETING, null, 'Autre groupe')).json<TeamsSetupResponse>();
    const enter = async (meetingId: string, sessionId: string) =>
      on.app.inject({
        method: 'POST',
        url: '/api/teams/enter',
        payload: { meetingId, sessionId, ssoToken: await token() },
      });
    // Knowing a session's id is not enough: the meeting the tab runs in decides.
    const crossed = await enter(MEETING, other.sessionId);
    expect(crossed.statusCode).toBe(403);
    expect(crossed.json()).toMatchObject({ error: { code: 'forbidden' } });
    const unknown = await enter('19:meeting_NOBODY@thread.v2', on.sessionId);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'notSetUp' } });
    const room = await built!.rooms.get(other.sessionId);
    expect(room?.state.people.map((p) => p.displayName)).toEqual(['Awa']);
    expect((await enter(OTHER_MEETING, other.sessionId)).statusCode).toBe(200);
  });

  it('makes the organiser who configured the tab the facilitator on any device', async () => {
    built = await buildApp(
      makeConfig(data.dir, {
        teams: { clientId: CLIENT_ID, tenantIds: [] },
        publicUrl: `https://${HOST}`,
      }),
      { store: createSqliteSessionStore({ file: ':memory:' }), teamsKeys: keys.keys },
    );
    const created = await setUp(MEETING, await token(ORGANISER));
    expect(created.statusCode).toBe(201);
    const setup = created.json<TeamsSetupResponse>();
    // Another device, no storage: the same Teams identity finds the facilitator's seat again.
    const entered = await built.app.inject({
      method: 'POST',
      url: '/api/teams/enter',
      payload: { meetingId: MEETING, sessionId: setup.sessionId, ssoToken: await token(ORGANISER) },
    });
    expect(entered.statusCode).toBe(200);
    expect(entered.json<HostEnterResponse>().personId).toBe(setup.personId);
    const room = await built.rooms.get(setup.sessionId);
    expect(room?.state.people.map((p) => [p.displayName, p.role])).toEqual([
      ['Awa', 'facilitator'],
    ]);
  });

  it('refuses a configuration with a bad SSO token rather than losing the organiser', async () => {
    await app({ clientId: CLIENT_ID, tenantIds: [] });
    const refused = await setUp(
      OTHER_MEETING,
      await keys.sign(makeTeamsClaims({ clientId: CLIENT_ID, host: HOST, now: 0 })),
    );
    expect(refused.statusCode).toBe(401);
  });
});

describe('Teams tab configuration', () => {
  it('binds one session to the meeting; the tab carries the invitation and the stage capability', async () => {
    const on = await app({ clientId: null, tenantIds: [] });
    const again = await setUp(MEETING, null, 'Autre nom');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'alreadySetUp' } });
    const other = (await setUp(OTHER_MEETING)).json<TeamsSetupResponse>();
    expect(other.contentUrl).toMatch(
      new RegExp(
        `^https://${HOST}/s/${other.sessionId}\\?host=teams#join=[A-Za-z0-9_-]{43}&stage=[A-Za-z0-9_-]{43}$`,
      ),
    );
    expect(other.websiteUrl).toBe(`https://${HOST}/s/${other.sessionId}?host=teams`);
    expect(other.sessionId).not.toBe(on.sessionId);
  });

  it.each([
    ['no meeting', { meetingId: '' }],
    ['a meeting id with spaces', { meetingId: 'a meeting' }],
    ['an unknown format', { templateKey: 'nope' }],
  ])('refuses a configuration with %s', async (_label, change) => {
    await app({ clientId: null, tenantIds: [] });
    const response = await built!.app.inject({
      method: 'POST',
      url: '/api/teams/sessions',
      payload: {
        meetingId: OTHER_MEETING,
        groupName: 'Codev',
        templateKey: 'remote-2h',
        facilitatorName: 'Awa',
        ssoToken: null,
        ...change,
      },
    });
    expect(response.statusCode).toBe(400);
  });
});
