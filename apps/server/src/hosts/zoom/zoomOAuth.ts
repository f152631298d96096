import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Zoom's answers come from the network: a hung request must not hold the browser forever. */
export const ZOOM_REQUEST_TIMEOUT_MS = 10_000;

/** Where Cercle meets Zoom's OAuth server and API for one app. */
export interface ZoomOAuthSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** `https://zoom.us` in production; no trailing slash. */
  readonly oauthUrl: string;
  /** `https://api.zoom.us` in production; no trailing slash. */
  readonly apiUrl: string;
  /** The redirect URL the app declares on the Marketplace: `PUBLIC_URL/zoom/install`. */
  readonly redirectUri: string;
}

export interface PkcePair {
  /** 43 characters of the unreserved alphabet (RFC 7636 §4.1); kept by the server. */
  readonly verifier: string;
  /** BASE64URL(SHA-256(verifier)): what travels to Zoom. */
  readonly challenge: string;
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function newPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

/** Zoom's consent page for this app, with the state and the PKCE challenge (S256). */
export function zoomAuthorizeUrl(
  settings: ZoomOAuthSettings,
  request: { readonly state: string; readonly challenge: string },
): string {
  const url = new URL('/oauth/authorize', `${settings.oauthUrl}/`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1).max(16_384),
  refresh_token: z.string().min(1).max(16_384).optional(),
  /** Seconds. */
  expires_in: z
    .number()
    .int()
    .positive()
    .max(10 * 365 * 24 * 3600),
  scope: z.string().max(4096).default(''),
});

export interface ZoomTokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly scope: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

/** A call to Zoom that did not give what it should: what went wrong, for the logs only. */
export type ZoomCallResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: number | null; readonly detail: string };

/** Trades the authorisation code for tokens, proving with the verifier that this server asked. */
export async function exchangeZoomCode(
  settings: ZoomOAuthSettings,
  input: { readonly code: string; readonly verifier: string; readonly now: number },
): Promise<ZoomCallResult<ZoomTokens>> {
  const basic = Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64');
  const answer = await call(`${settings.oauthUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: settings.redirectUri,
      code_verifier: input.verifier,
    }).toString(),
  });
  if (!answer.ok) return answer;
  const parsed = tokenResponseSchema.safeParse(answer.value);
  if (!parsed.success) return { ok: false, status: 200, detail: 'unexpected token response' };
  const tokens = parsed.data;
  return {
    ok: true,
    value: {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      scope: tokens.scope,
      expiresAt: input.now + tokens.expires_in * 1000,
    },
  };
}

const deeplinkResponseSchema = z.object({ deeplink: z.string().url().max(8192) });

/** Schemes a deeplink may use: Zoom's client, or a page of Zoom's. Never `javascript:`. */
const DEEPLINK_PROTOCOLS = new Set(['zoommtg:', 'zoomus:', 'https:']);

/** Asks Zoom for the link that opens this app in the person's Zoom client. */
export async function createZoomDeeplink(
  settings: ZoomOAuthSettings,
  accessToken: string,
): Promise<ZoomCallResult<string>> {
  const answer = await call(`${settings.apiUrl}/v2/zoomapp/deeplink`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    // The action comes back to the app as the context's `act`; Cercle opens the same either way.
    body: JSON.stringify({ action: JSON.stringify({ from: 'install' }) }),
  });
  if (!answer.ok) return answer;
  const parsed = deeplinkResponseSchema.safeParse(answer.value);
  if (!parsed.success || !DEEPLINK_PROTOCOLS.has(new URL(parsed.data.deeplink).protocol))
    return { ok: false, status: 200, detail: 'unexpected deeplink response' };
  return { ok: true, value: parsed.data.deeplink };
}

/**
 * The Zoom user an access token was issued to. Zoom's tokens are JWTs whose payload names the
 * user (`uid`); the token came straight from Zoom's token endpoint, so it is read, not verified.
 * Null when the token does not say.
 */
export function zoomUserIdOf(accessToken: string): string | null {
  const [, payload] = accessToken.split('.');
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const uid = (claims as { uid?: unknown } | null)?.uid;
    return typeof uid === 'string' && uid !== '' && uid.length <= 256 ? uid : null;
  } catch {
    return null;
  }
}

async function call(url: string, init: RequestInit): Promise<ZoomCallResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: 'error',
      signal: AbortSignal.timeout(ZOOM_REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, status: null, detail: (error as Error).message };
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) return { ok: false, status: response.status, detail: text.slice(0, 500) };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: response.status, detail: 'not JSON' };
  }
}
