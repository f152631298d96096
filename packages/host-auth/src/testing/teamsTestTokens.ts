import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';
import { TEAMS_SSO_SCOPE, teamsAudiencesFor, teamsIssuersFor } from '../teams/verifyTeamsToken.ts';

export interface TeamsTestKeys {
  /** A local key set holding the public key: pass as `keys` to `verifyTeamsToken`. */
  readonly keys: JWTVerifyGetKey;
  /** The same public key as a JSON Web Key Set, for a server that fetches its keys over HTTP. */
  readonly jwks: { readonly keys: readonly JWK[] };
  readonly kid: string;
  /** Signs claims with RS256 and this key set's kid, like Entra does. */
  sign(claims: JWTPayload, header?: { readonly kid?: string }): Promise<string>;
}

/** A fresh RSA key pair standing in for Microsoft's signing keys, for tests only. */
export async function createTeamsTestKeys(kid = 'cercle-test-key'): Promise<TeamsTestKeys> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    jwks: { keys: [jwk] },
    kid,
    sign: (claims, header = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: header.kid ?? kid })
        .sign(privateKey),
  };
}

export interface TeamsClaimsInput {
  readonly clientId: string;
  readonly host: string;
  /** Milliseconds since the epoch; the token is valid for an hour from then. */
  readonly now: number;
  /** v2 tokens carry the client id as audience, v1 tokens the `api://` resource. */
  readonly version?: 'v1' | 'v2';
  readonly tid?: string;
  readonly [claim: string]: unknown;
}

export const TEST_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** The claims of a Teams SSO token for one user; override or drop (undefined) claims as needed. */
export function makeTeamsClaims(input: TeamsClaimsInput): JWTPayload {
  const { clientId, host, now, version = 'v2', tid = TEST_TENANT_ID, ...overrides } = input;
  const [v2Issuer, v1Issuer] = teamsIssuersFor(tid);
  const [clientAudience, resourceAudience] = teamsAudiencesFor(clientId, host);
  const seconds = Math.floor(now / 1000);
  const claims: JWTPayload = {
    aud: version === 'v2' ? clientAudience : resourceAudience,
    iss: version === 'v2' ? v2Issuer : v1Issuer,
    iat: seconds,
    nbf: seconds,
    exp: seconds + 3600,
    ver: version === 'v2' ? '2.0' : '1.0',
    tid,
    oid: 'b6f3c1d2-1111-4a4a-9c9c-0123456789ab',
    scp: TEAMS_SSO_SCOPE,
    name: 'Camille Martin',
    ...(version === 'v2'
      ? { preferred_username: 'camille@example.com' }
      : { upn: 'camille@example.com' }),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}
