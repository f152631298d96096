import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

/** Signing keys for tokens of every Entra tenant. */
export const MICROSOFT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export const TEAMS_SSO_SCOPE = 'access_as_user';

export const TEAMS_CLOCK_TOLERANCE_SECONDS = 60;

export const TeamsTokenError = {
  expired: 'expired',
  notYetValid: 'notYetValid',
  wrongAudience: 'wrongAudience',
  wrongIssuer: 'wrongIssuer',
  missingScope: 'missingScope',
  tenantNotAllowed: 'tenantNotAllowed',
  badSignature: 'badSignature',
  unsupportedAlgorithm: 'unsupportedAlgorithm',
  malformed: 'malformed',
  /** Microsoft's keys could not be fetched: the token is not at fault, try again later. */
  keysUnavailable: 'keysUnavailable',
} as const;
export type TeamsTokenError = (typeof TeamsTokenError)[keyof typeof TeamsTokenError];

/** The Entra identity a verified token proves. */
export interface TeamsIdentity {
  /** Object id of the user in their tenant. */
  readonly oid: string;
  /** Tenant id. */
  readonly tid: string;
  readonly name?: string;
  readonly preferredUsername?: string;
}

export type VerifyTeamsTokenResult =
  | { readonly ok: true; readonly identity: TeamsIdentity }
  | { readonly ok: false; readonly error: TeamsTokenError };

export interface VerifyTeamsTokenOptions {
  /** Application (client) id of the Entra app that exposes `access_as_user`. */
  readonly clientId: string;
  /** Host name of the deployment, as in the manifest's `api://HOST/CLIENT_ID` resource. */
  readonly host: string;
  /** `createMicrosoftJwks()` in production, `createLocalJWKSet` in tests. */
  readonly keys: JWTVerifyGetKey;
  /** Tenants allowed to sign in; absent or empty lets any tenant in. */
  readonly tenantIds?: readonly string[];
  /** Milliseconds since the epoch. */
  readonly now: number;
  readonly clockToleranceSeconds?: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Microsoft's signing keys, fetched and cached; another endpoint for a local test identity provider. */
export function createMicrosoftJwks(url: string = MICROSOFT_JWKS_URL): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url));
}

/** The two issuer forms Entra uses for a tenant: v2.0 endpoint and v1 (sts.windows.net). */
export function teamsIssuersFor(tid: string): readonly string[] {
  return [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
}

export function teamsAudiencesFor(clientId: string, host: string): readonly string[] {
  return [clientId, `api://${host}/${clientId}`];
}

/**
 * Verifies a Teams SSO token (`authentication.getAuthToken()`) and returns who it proves.
 * Never throws on bad input: every way a token can be wrong is an error code.
 */
export async function verifyTeamsToken(
  token: string,
  options: VerifyTeamsTokenOptions,
): Promise<VerifyTeamsTokenResult> {
  let hasKeyLookupFailed = false;
  const keys: JWTVerifyGetKey = async (header, input) => {
    try {
      return await options.keys(header, input);
    } catch (error) {
      // An unknown kid is the token's fault; anything else (network, bad key set) is ours.
      if (!isKeyMismatch(error)) hasKeyLookupFailed = true;
      throw error;
    }
  };

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      algorithms: ['RS256'],
      audience: [...teamsAudiencesFor(options.clientId, options.host)],
      requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      clockTolerance: options.clockToleranceSeconds ?? TEAMS_CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(options.now),
    }));
  } catch (error) {
    return fail(hasKeyLookupFailed ? TeamsTokenError.keysUnavailable : errorOf(error));
  }

  const { tid, oid, iss, scp } = payload;
  if (typeof tid !== 'string' || !GUID.test(tid) || typeof oid !== 'string' || oid === '') {
    return fail(TeamsTokenError.malformed);
  }
  // The keys are shared by all tenants, so the issuer must name the tenant the token claims.
  if (typeof iss !== 'string' || !teamsIssuersFor(tid).includes(iss)) {
    return fail(TeamsTokenError.wrongIssuer);
  }
  if (typeof scp !== 'string' || !scp.split(' ').includes(TEAMS_SSO_SCOPE)) {
    return fail(TeamsTokenError.missingScope);
  }
  const allowed = options.tenantIds ?? [];
  if (allowed.length > 0 && !allowed.some((id) => id.toLowerCase() === tid.toLowerCase())) {
    return fail(TeamsTokenError.tenantNotAllowed);
  }

  return {
    ok: true,
    identity: {
      oid,
      tid,
      ...optionalString('name', payload.name),
      ...optionalString('preferredUsername', payload.preferred_username),
    },
  };
}

function fail(error: TeamsTokenError): VerifyTeamsTokenResult {
  return { ok: false, error };
}

function optionalString<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && value !== ''
    ? ({ [key]: value } as { [P in K]: string })
    : {};
}

function errorOf(error: unknown): TeamsTokenError {
  if (error instanceof errors.JWTExpired) return TeamsTokenError.expired;
  if (error instanceof errors.JOSEAlgNotAllowed) return TeamsTokenError.unsupportedAlgorithm;
  if (error instanceof errors.JWSSignatureVerificationFailed || isKeyMismatch(error)) {
    return TeamsTokenError.badSignature;
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return TeamsTokenError.wrongAudience;
    if (error.claim === 'iss') return TeamsTokenError.wrongIssuer;
    if (error.claim === 'nbf') return TeamsTokenError.notYetValid;
  }
  return TeamsTokenError.malformed;
}

function isKeyMismatch(error: unknown): boolean {
  return (
    error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys
  );
}
