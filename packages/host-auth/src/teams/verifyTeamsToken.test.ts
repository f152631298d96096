import { base64url, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTeamsTestKeys,
  makeTeamsClaims,
  TEST_TENANT_ID,
  type TeamsTestKeys,
} from '../testing/teamsTestTokens.ts';
import { type VerifyTeamsTokenOptions, verifyTeamsToken } from './verifyTeamsToken.ts';

const CLIENT_ID = '0b6a2c1e-5d4f-4e3a-9b8c-7d6e5f4a3b2c';
const HOST = 'cercle.example.org';
const NOW = Date.UTC(2025, 0, 15, 10, 0, 0);
const OTHER_TENANT_ID = '11111111-2222-4333-8444-555555555555';

let entra: TeamsTestKeys;
let options: VerifyTeamsTokenOptions;

beforeAll(async () => {
  entra = await createTeamsTestKeys();
  options = { clientId: CLIENT_ID, host: HOST, keys: entra.keys, now: NOW };
});

function claims(overrides: Record<string, unknown> = {}) {
  return makeTeamsClaims({ clientId: CLIENT_ID, host: HOST, now: NOW, ...overrides });
}

function encodePart(value: object): string {
  return base64url.encode(JSON.stringify(value));
}

describe('verifyTeamsToken', () => {
  it('accepts a v2 token and returns the Entra identity', async () => {
    const token = await entra.sign(claims({ version: 'v2' }));

    expect(await verifyTeamsToken(token, options)).toEqual({
      ok: true,
      identity: {
        oid: 'b6f3c1d2-1111-4a4a-9c9c-0123456789ab',
        tid: TEST_TENANT_ID,
        name: 'Camille Martin',
        preferredUsername: 'camille@example.com',
      },
    });
  });

  it('accepts a v1 token, issued by sts.windows.net for the api:// resource', async () => {
    const v1 = claims({ version: 'v1' });
    expect(v1.iss).toBe(`https://sts.windows.net/${TEST_TENANT_ID}/`);
    expect(v1.aud).toBe(`api://${HOST}/${CLIENT_ID}`);

    const result = await verifyTeamsToken(await entra.sign(v1), options);

    expect(result).toEqual({
      ok: true,
      identity: {
        oid: 'b6f3c1d2-1111-4a4a-9c9c-0123456789ab',
        tid: TEST_TENANT_ID,
        name: 'Camille Martin',
      },
    });
  });

  it('accepts a token whose scopes include access_as_user among others', async () => {
    const token = await entra.sign(claims({ scp: 'User.Read access_as_user' }));

    expect((await verifyTeamsToken(token, options)).ok).toBe(true);
  });

  it('rejects an expired token beyond the clock tolerance, and accepts it within', async () => {
    const token = await entra.sign(claims());
    const exp = NOW + 3600_000;

    expect(await verifyTeamsToken(token, { ...options, now: exp + 61_000 })).toEqual({
      ok: false,
      error: 'expired',
    });
    expect((await verifyTeamsToken(token, { ...options, now: exp + 30_000 })).ok).toBe(true);
  });

  it('rejects a token that is not valid yet', async () => {
    const token = await entra.sign(claims({ nbf: Math.floor(NOW / 1000) + 600 }));

    expect(await verifyTeamsToken(token, options)).toEqual({ ok: false, error: 'notYetValid' });
  });

  it.each([
    ['another app', '9f9f9f9f-0000-4000-8000-000000000000'],
    ['the resource of another host', `api://evil.example.com/${CLIENT_ID}`],
    ['Microsoft Graph', '00000003-0000-0000-c000-000000000000'],
  ])('rejects a token issued for %s', async (_, aud) => {
    const token = await entra.sign(claims({ aud }));

    expect(await verifyTeamsToken(token, options)).toEqual({ ok: false, error: 'wrongAudience' });
  });

  it.each([
    ['another tenant than its tid', `https://login.microsoftonline.com/${OTHER_TENANT_ID}/v2.0`],
    ['v1 form of another tenant', `https://sts.windows.net/${OTHER_TENANT_ID}/`],
    ['a foreign issuer', `https://evil.example.com/${TEST_TENANT_ID}/v2.0`],
    ['the common endpoint', 'https://login.microsoftonline.com/common/v2.0'],
  ])('rejects a token whose issuer is %s', async (_, iss) => {
    const token = await entra.sign(claims({ iss }));

    expect(await verifyTeamsToken(token, options)).toEqual({ ok: false, error: 'wrongIssuer' });
  });

  it.each([
    ['another scope', { scp: 'User.Read' }],
    ['a scope that only contains the name', { scp: 'access_as_user_admin' }],
    ['no scope (an app-only token)', { scp: undefined, roles: ['access_as_user'] }],
  ])('rejects a token with %s', async (_, overrides) => {
    const token = await entra.sign(claims(overrides));

    expect(await verifyTeamsToken(token, options)).toEqual({ ok: false, error: 'missingScope' });
  });

  it('rejects a tenant outside the allow-list, and lets listed tenants in', async () => {
    const token = await entra.sign(claims());

    expect(await verifyTeamsToken(token, { ...options, tenantIds: [OTHER_TENANT_ID] })).toEqual({
      ok: false,
      error: 'tenantNotAllowed',
    });
    const listed = [OTHER_TENANT_ID, TEST_TENANT_ID.toUpperCase()];
    expect((await verifyTeamsToken(token, { ...options, tenantIds: listed })).ok).toBe(true);
  });

  it('rejects an unsigned token (alg none)', async () => {
    const unsigned = `${encodePart({ alg: 'none', typ: 'JWT' })}.${encodePart(claims())}.`;

    expect(await verifyTeamsToken(unsigned, options)).toEqual({
      ok: false,
      error: 'unsupportedAlgorithm',
    });
  });

  it('rejects a token signed with HS256, even with the kid of a real key', async () => {
    const secret = new TextEncoder().encode('a shared secret anyone could guess');
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: entra.kid })
      .sign(secret);

    expect(await verifyTeamsToken(token, options)).toEqual({
      ok: false,
      error: 'unsupportedAlgorithm',
    });
  });

  it('rejects a token signed by another key under the same kid', async () => {
    const impostor = await createTeamsTestKeys(entra.kid);
    const token = await impostor.sign(claims());

    expect(await verifyTeamsToken(token, options)).toEqual({ ok: false, error: 'badSignature' });
  });

  it('rejects a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await entra.sign(claims())).split('.');
    const forged = `${header}.${encodePart(claims({ oid: 'someone-else' }))}.${signature}`;

    expect(await verifyTeamsToken(forged, options)).toEqual({ ok: false, error: 'badSignature' });
  });

  it('rejects a token signed with a key that is not in the key set', async () => {
    const token = await entra.sign(claims(), { kid: 'unknown-kid' });

    expect(await verifyTeamsToken(token, options)).toEqual({ ok: false, error: 'badSignature' });
  });

  it.each([
    ['an empty string', ''],
    ['a non-JWT string', 'not-a-token'],
    ['garbage in three parts', 'a.b.c'],
  ])('reports %s as malformed', async (_, token) => {
    expect(await verifyTeamsToken(token, options)).toEqual({ ok: false, error: 'malformed' });
  });

  it.each([
    ['without oid', { oid: undefined }],
    ['with a tid that is not a GUID', { tid: 'common' }],
    ['without exp', { exp: undefined }],
  ])('reports a signed token %s as malformed', async (_, overrides) => {
    const token = await entra.sign(claims(overrides));

    expect(await verifyTeamsToken(token, options)).toEqual({ ok: false, error: 'malformed' });
  });

  it('reports a signed token without tid as malformed', async () => {
    const { tid: _, ...withoutTid } = claims();

    expect(await verifyTeamsToken(await entra.sign(withoutTid), options)).toEqual({
      ok: false,
      error: 'malformed',
    });
  });

  it('reports keys that cannot be fetched apart from bad tokens', async () => {
    const token = await entra.sign(claims());
    const offline: VerifyTeamsTokenOptions['keys'] = async () => {
      throw new TypeError('fetch failed');
    };

    expect(await verifyTeamsToken(token, { ...options, keys: offline })).toEqual({
      ok: false,
      error: 'keysUnavailable',
    });
  });
});
