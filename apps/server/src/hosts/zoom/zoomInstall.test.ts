import { createSqliteSessionStore } from '@cercle/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../../app.ts';
import { type Config, loadConfig } from '../../config.ts';
import { makeConfig, makeDataDir } from '../../testing/testServer.ts';
import { ZOOM_INSTALL_PATH, ZOOM_INSTALL_TTL_MS } from './zoomInstall.ts';
import { createZoomSeal } from './zoomSeal.ts';
import { STAND_IN_DEEPLINK_PREFIX, startZoomStandIn, type ZoomStandIn } from './zoomStandIn.ts';

const PUBLIC_URL = 'https://cercle.test';
const ZOOM_APP = { clientId: 'cercle-client-id', clientSecret: 'cercle-client-secret-0123456789' };
const ZOOM_USER = 'zoom-user-awa';

let data: ReturnType<typeof makeDataDir>;
let zoom: ZoomStandIn;
let built: CercleApp;
let clock: number;

async function build(overrides: Partial<Config> = {}): Promise<CercleApp> {
  const app = await buildApp(
    makeConfig(data.dir, {
      publicUrl: PUBLIC_URL,
      zoom: { ...ZOOM_APP, oauthUrl: zoom.url, apiUrl: zoom.url },
      ...overrides,
    }),
    { store: createSqliteSessionStore({ file: ':memory:' }), now: () => clock },
  );
  return app;
}

beforeEach(async () => {
  data = makeDataDir();
  clock = Date.UTC(2026, 0, 15, 9, 0, 0);
  zoom = await startZoomStandIn({
    ...ZOOM_APP,
    redirectUri: `${PUBLIC_URL}/zoom/install`,
    userId: ZOOM_USER,
  });
  built = await build();
});

afterEach(async () => {
  await built.app.close();
  await zoom.close();
  data.remove();
});

/** GET /zoom/install as a browser holding `cookie` would. */
function visit(url: string, cookie?: string, app = built) {
  const { pathname, search } = new URL(url, PUBLIC_URL);
  return app.app.inject({
    url: `${pathname}${search}`,
    headers: cookie ? { cookie } : {},
  });
}

/** Starts the install and lets Zoom's consent page answer: where Zoom sends the browser back. */
async function startAndConsent(app = built) {
  const start = await visit(ZOOM_INSTALL_PATH, undefined, app);
  expect(start.statusCode).toBe(302);
  const setCookie = String(start.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const consent = await fetch(String(start.headers.location), { redirect: 'manual' });
  expect(consent.status).toBe(302);
  return { start, setCookie, cookie, callback: consent.headers.get('location')! };
}

describe('Zoom install (OAuth with PKCE, then the deeplink)', () => {
  it('the redirect URL is the one the manifests declare', async () => {
    const { HOST_ROUTES } = await import('@cercle/manifests/hostRoutes');
    expect(ZOOM_INSTALL_PATH).toBe(HOST_ROUTES.zoomInstall);
  });

  it('sends the browser to Zoom with a state and an S256 challenge, bound by a cookie', async () => {
    const start = await visit(ZOOM_INSTALL_PATH);
    expect(start.statusCode).toBe(302);
    const authorize = new URL(String(start.headers.location));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${zoom.url}/oauth/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: ZOOM_APP.clientId,
      redirect_uri: 'https://cercle.test/zoom/install',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = String(start.headers['set-cookie']);
    expect(cookie).toMatch(/^cercle_zoom_install=[A-Za-z0-9_-]{43}; /);
    for (const attribute of [
      'Path=/zoom/install',
      'HttpOnly',
      'SameSite=Lax',
      'Secure',
      'Max-Age=600',
    ])
      expect(cookie).toContain(attribute);
    // Nothing of the verifier leaves the server.
    expect(start.body).toBe('');
  });

  it('trades the code with the verifier, keeps the tokens sealed, and opens Zoom through its deeplink', async () => {
    const { cookie, callback } = await startAndConsent();
    const done = await visit(callback, cookie);

    expect(done.statusCode).toBe(302);
    expect(String(done.headers.location)).toBe(
      `${STAND_IN_DEEPLINK_PREFIX}${encodeURIComponent('{"from":"install"}')}`,
    );
    expect(String(done.headers['set-cookie'])).toContain('Max-Age=0');
    const [issued] = zoom.issued;
    const grant = await built.store.findHostGrant('zoom', ZOOM_USER);
    expect(grant).toMatchObject({
      provider: 'zoom',
      subject: ZOOM_USER,
      scope: 'zoomapp:inmeeting',
      expiresAt: clock + 3599 * 1000,
      updatedAt: clock,
    });
    // Sealed at rest: neither token is stored as Zoom issued it, and the server can read them.
    expect(grant?.accessToken).not.toContain(issued!.accessToken);
    expect(grant?.refreshToken).not.toContain(issued!.refreshToken);
    const seal = createZoomSeal([], ZOOM_APP.clientSecret);
    expect(seal.decode(grant!.accessToken)).toBe(issued!.accessToken);
    expect(seal.decode(grant!.refreshToken!)).toBe(issued!.refreshToken);
  });

  it('seals with DATA_ENCRYPTION_KEY when one is set', async () => {
    const dataKey = { id: 'k1', key: Buffer.alloc(32, 7) };
    const app = await build({ dataKeys: [dataKey] });
    try {
      const { cookie, callback } = await startAndConsent(app);
      expect((await visit(callback, cookie, app)).statusCode).toBe(302);
      const grant = await app.store.findHostGrant('zoom', ZOOM_USER);
      expect(grant?.accessToken).toMatch(/^enc1:k1:/);
    } finally {
      await app.app.close();
    }
  });

  it('uses a state once: the same redirect again is refused and asks Zoom for nothing', async () => {
    const { cookie, callback } = await startAndConsent();
    expect((await visit(callback, cookie)).statusCode).toBe(302);
    const again = await visit(callback, cookie);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Recommencez l’installation');
    expect(again.body).toContain('Start the installation again');
    expect(zoom.tokenRequests).toBe(1);
  });

  it('refuses a redirect that comes back to another browser', async () => {
    const { callback } = await startAndConsent();
    expect((await visit(callback)).statusCode).toBe(400);
    const other = await visit(callback, `cercle_zoom_install=${'x'.repeat(43)}`);
    expect(other.statusCode).toBe(400);
    expect(zoom.tokenRequests).toBe(0);
  });

  it('refuses a state past its time, and one it never gave', async () => {
    const { cookie, callback } = await startAndConsent();
    clock += ZOOM_INSTALL_TTL_MS;
    expect((await visit(callback, cookie)).statusCode).toBe(400);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'A'.repeat(43));
    expect((await visit(forged.href, cookie)).statusCode).toBe(400);
    expect(zoom.tokenRequests).toBe(0);
  });

  it('says so, in French then English, when the person declines', async () => {
    zoom.consent = 'deny';
    const { cookie, callback } = await startAndConsent();
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const page = await visit(callback, cookie);
    expect(page.statusCode).toBe(403);
    expect(page.headers['content-type']).toContain('text/html');
    const fr = page.body.indexOf('Vous n’avez pas autorisé Cercle');
    const en = page.body.indexOf('You did not authorise Cercle');
    expect(fr).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(fr);
    expect(page.headers['content-security-policy']).toBeTruthy();
    expect(zoom.tokenRequests).toBe(0);
  });

  it('answers 502 when Zoom refuses the code, and keeps Zoom’s words in the logs', async () => {
    const wrongSecret = await build({
      zoom: { ...ZOOM_APP, clientSecret: 'not-the-secret', oauthUrl: zoom.url, apiUrl: zoom.url },
    });
    try {
      const { cookie, callback } = await startAndConsent(wrongSecret);
      const page = await visit(callback, cookie, wrongSecret);
      expect(page.statusCode).toBe(502);
      expect(page.body).toContain('Zoom n’a pas confirmé l’installation');
      expect(page.body).not.toContain('invalid_client');
      expect(await wrongSecret.store.findHostGrant('zoom', ZOOM_USER)).toBeNull();
    } finally {
      await wrongSecret.app.close();
    }
  });

  it('answers 502 when Zoom cannot be reached', async () => {
    const { cookie, callback } = await startAndConsent();
    await zoom.close();
    const page = await visit(callback, cookie);
    expect(page.statusCode).toBe(502);
    expect(page.body).toContain('Try again in a moment');
  });

  it('still installs when the deeplink fails: the page says where to open Cercle', async () => {
    zoom.isDeeplinkUp = false;
    const { cookie, callback } = await startAndConsent();
    const page = await visit(callback, cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cercle est installé');
    expect(await built.store.findHostGrant('zoom', ZOOM_USER)).not.toBeNull();
  });

  it('starts its own flow when Zoom’s Marketplace comes back with a code but not our state', async () => {
    const response = await visit(`${ZOOM_INSTALL_PATH}?code=marketplace-code`);
    expect(response.statusCode).toBe(302);
    expect(String(response.headers.location)).toContain(`${zoom.url}/oauth/authorize?`);
    expect(zoom.tokenRequests).toBe(0);
  });

  it('explains, with 503, that Zoom is not configured', async () => {
    const bare = await buildApp(makeConfig(data.dir, { publicUrl: PUBLIC_URL }), {
      store: createSqliteSessionStore({ file: ':memory:' }),
    });
    try {
      const page = await visit(ZOOM_INSTALL_PATH, undefined, bare);
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Zoom n’est pas configuré sur ce serveur');
      expect(page.body).toContain('Zoom is not configured on this server');
    } finally {
      await bare.app.close();
    }
  });

  it('refuses a malformed redirect with 400', async () => {
    const page = await visit(`${ZOOM_INSTALL_PATH}?state=a&state=b`);
    expect(page.statusCode).toBe(400);
  });
});

describe('Zoom URLs in the configuration', () => {
  const env = { ZOOM_CLIENT_ID: 'id', ZOOM_CLIENT_SECRET: 'secret' };

  it('default to Zoom’s own servers', () => {
    expect(loadConfig(env).zoom).toMatchObject({
      oauthUrl: 'https://zoom.us',
      apiUrl: 'https://api.zoom.us',
    });
  });

  it('can point at another server, trailing slash or not', () => {
    const config = loadConfig({
      ...env,
      ZOOM_OAUTH_URL: 'http://127.0.0.1:9000/',
      ZOOM_API_URL: 'http://127.0.0.1:9001',
    });
    expect(config.zoom).toMatchObject({
      oauthUrl: 'http://127.0.0.1:9000',
      apiUrl: 'http://127.0.0.1:9001',
    });
    expect(() => loadConfig({ ...env, ZOOM_API_URL: 'not a url' })).toThrow(/ZOOM_API_URL/);
  });
});
