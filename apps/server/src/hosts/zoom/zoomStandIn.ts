import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pkceChallenge } from './zoomOAuth.ts';

/**
 * Zoom's OAuth server and the one API call the install makes, on a local port, for tests only:
 * it checks what Zoom checks (client credentials, redirect URI, the PKCE verifier against the
 * challenge, one use per code, the bearer token) so the install runs without the internet.
 */
export interface ZoomStandIn {
  /** Both `ZOOM_OAUTH_URL` and `ZOOM_API_URL`. */
  readonly url: string;
  /** Access and refresh tokens issued, in order. */
  readonly issued: { accessToken: string; refreshToken: string }[];
  /** Token requests answered, accepted or not. */
  tokenRequests: number;
  /** What the consent page answers: the person allows, or declines (`access_denied`). */
  consent: 'allow' | 'deny';
  /** When false, the deeplink API answers 500. */
  isDeeplinkUp: boolean;
  close(): Promise<void>;
}

export interface ZoomStandInApp {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  /** The Zoom user who consents. */
  readonly userId: string;
}

export const STAND_IN_DEEPLINK_PREFIX = 'zoommtg://zoom.us/launch?action=';

export async function startZoomStandIn(zoomApp: ZoomStandInApp): Promise<ZoomStandIn> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const accessTokens = new Set<string>();

  const standIn: ZoomStandIn = {
    url: '',
    issued: [],
    tokenRequests: 0,
    consent: 'allow',
    isDeeplinkUp: true,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const authorize = (url: URL, res: ServerResponse) => {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    const challenge = q.get('code_challenge') ?? '';
    if (
      q.get('response_type') !== 'code' ||
      q.get('client_id') !== zoomApp.clientId ||
      redirectUri !== zoomApp.redirectUri ||
      q.get('code_challenge_method') !== 'S256' ||
      !/^[A-Za-z0-9_-]{43}$/.test(challenge)
    )
      return json(res, 400, { error: 'invalid_request' });
    const back = new URL(redirectUri);
    const state = q.get('state');
    if (state) back.searchParams.set('state', state);
    if (standIn.consent === 'deny') back.searchParams.set('error', 'access_denied');
    else {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { challenge, redirectUri });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.href });
    res.end();
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    standIn.tokenRequests += 1;
    const basic = Buffer.from(`${zoomApp.clientId}:${zoomApp.clientSecret}`).toString('base64');
    if (req.headers.authorization !== `Basic ${basic}`)
      return json(res, 401, {
        reason: 'Invalid client_id or client_secret',
        error: 'invalid_client',
      });
    const form = new URLSearchParams(await readBody(req));
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code);
    if (form.get('grant_type') !== 'authorization_code' || !issued)
      return json(res, 400, { reason: 'Invalid authorization code', error: 'invalid_grant' });
    if (form.get('redirect_uri') !== issued.redirectUri)
      return json(res, 400, { reason: 'Redirect URI mismatch.', error: 'invalid_request' });
    if (pkceChallenge(form.get('code_verifier') ?? '') !== issued.challenge)
      return json(res, 400, { reason: 'Invalid code verifier', error: 'invalid_request' });
    // Zoom's access tokens are JWTs whose payload names the user.
    const payload = Buffer.from(
      JSON.stringify({ uid: zoomApp.userId, aud: 'https://oauth.zoom.us', iss: 'zm:cid:test' }),
    ).toString('base64url');
    const accessToken = `eyJhbGciOiJIUzUxMiJ9.${payload}.${randomBytes(16).toString('base64url')}`;
    const refreshToken = randomBytes(32).toString('base64url');
    accessTokens.add(accessToken);
    standIn.issued.push({ accessToken, refreshToken });
    json(res, 200, {
      access_token: accessToken,
      token_type: 'bearer',
      refresh_token: refreshToken,
      expires_in: 3599,
      scope: 'zoomapp:inmeeting',
    });
  };

  const deeplink = async (req: IncomingMessage, res: ServerResponse) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !accessTokens.has(bearer))
      return json(res, 401, { code: 124, message: 'Invalid access token.' });
    if (!standIn.isDeeplinkUp) return json(res, 500, { code: 500, message: 'Internal error' });
    const body = JSON.parse(await readBody(req)) as { action?: unknown };
    if (typeof body.action !== 'string') return json(res, 400, { code: 300, message: 'action' });
    json(res, 201, { deeplink: `${STAND_IN_DEEPLINK_PREFIX}${encodeURIComponent(body.action)}` });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /oauth/authorize') return authorize(url, res);
    if (route === 'POST /oauth/token') return void token(req, res);
    if (route === 'POST /v2/zoomapp/deeplink') return void deeplink(req, res);
    json(res, 404, { message: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standIn, { url: `http://127.0.0.1:${port}` });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
