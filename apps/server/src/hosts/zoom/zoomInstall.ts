import { timingSafeEqual } from 'node:crypto';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { type Config, DEFAULT_ZOOM_API_URL, DEFAULT_ZOOM_OAUTH_URL } from '../../config.ts';
import { messagePage } from '../../http/bootPage.ts';
import { creationLimit } from '../../http/rateLimit.ts';
import {
  createZoomDeeplink,
  exchangeZoomCode,
  newPkcePair,
  type ZoomOAuthSettings,
  zoomAuthorizeUrl,
  zoomUserIdOf,
} from './zoomOAuth.ts';
import { createZoomSeal } from './zoomSeal.ts';

/**
 * The app's OAuth redirect URL, as the manifests declare it (`HOST_ROUTES.zoomInstall` in
 * `@cercle/manifests`; a test holds the two together). It also starts the install.
 */
export const ZOOM_INSTALL_PATH = '/zoom/install';

/** Long enough to read Zoom's consent page, short enough that a forgotten tab is worth nothing. */
export const ZOOM_INSTALL_TTL_MS = 10 * 60_000;

/** Holds the secret that ties Zoom's redirect to the browser that started the install. */
export const ZOOM_INSTALL_COOKIE = 'cercle_zoom_install';

export interface ZoomInstallDeps {
  readonly config: Config;
  readonly store: SessionStore;
  readonly now: () => number;
}

type Lines = { readonly fr: string; readonly en: string };

const PAGES = {
  notConfigured: {
    fr: 'Zoom n’est pas configuré sur ce serveur : Cercle ne peut pas y être installé.',
    en: 'Zoom is not configured on this server: Cercle cannot be installed here.',
  },
  invalid: {
    fr: 'Cette adresse d’installation n’est pas valide. Recommencez l’installation depuis la Marketplace Zoom.',
    en: 'This install address is not valid. Start the installation again from the Zoom Marketplace.',
  },
  denied: {
    fr: 'Vous n’avez pas autorisé Cercle : il n’est pas installé. Vous pouvez recommencer depuis la Marketplace Zoom.',
    en: 'You did not authorise Cercle, so it is not installed. You can start again from the Zoom Marketplace.',
  },
  zoomRefused: {
    fr: 'Zoom n’a pas pu autoriser Cercle. Réessayez dans un moment.',
    en: 'Zoom could not authorise Cercle. Try again in a moment.',
  },
  badState: {
    fr: 'Cette demande d’installation a expiré, a déjà servi ou n’a pas commencé dans ce navigateur. Recommencez l’installation.',
    en: 'This install request has expired, was already used or was not started in this browser. Start the installation again.',
  },
  exchangeFailed: {
    fr: 'Zoom n’a pas confirmé l’installation. Réessayez dans un moment.',
    en: 'Zoom did not confirm the installation. Try again in a moment.',
  },
  installed: {
    fr: 'Cercle est installé. Ouvrez-le depuis le bouton Applications d’une réunion Zoom.',
    en: 'Cercle is installed. Open it from the Apps button of a Zoom meeting.',
  },
} satisfies Record<string, Lines>;

/** What Zoom puts on the redirect URL: a code and our state, or an error (RFC 6749 §4.1.2). */
const installQuerySchema = z.object({
  code: z.string().min(1).max(2048).optional(),
  state: z.string().min(1).max(256).optional(),
  error: z.string().min(1).max(256).optional(),
  error_description: z.string().max(2048).optional(),
});

/**
 * Zoom's install flow for a user-managed app. Without a state, the route starts it: a state and a
 * PKCE verifier kept server-side (single use, short-lived) and bound to this browser by a cookie,
 * then Zoom's consent page. A visit that comes back with our state trades the code for tokens
 * (sealed, kept by Zoom user id, never sent to a panel) and opens the app in the Zoom client
 * through Zoom's deeplink. Adding the app from the Marketplace comes back with a code but not our
 * state: that starts our own flow, which Zoom completes without asking again.
 */
export function registerZoomInstallRoute(app: FastifyInstance, deps: ZoomInstallDeps): void {
  const { config, store, now } = deps;
  const zoom = config.zoom;
  const isSecure = config.publicUrl.startsWith('https:');
  const limit = creationLimit(config.creationsPerMinute);
  const settings: ZoomOAuthSettings | null = zoom && {
    clientId: zoom.clientId,
    clientSecret: zoom.clientSecret,
    oauthUrl: zoom.oauthUrl ?? DEFAULT_ZOOM_OAUTH_URL,
    apiUrl: zoom.apiUrl ?? DEFAULT_ZOOM_API_URL,
    redirectUri: `${config.publicUrl}${ZOOM_INSTALL_PATH}`,
  };
  const seal = zoom && createZoomSeal(config.dataKeys, zoom.clientSecret);

  const page = (reply: FastifyReply, status: number, lines: Lines) =>
    reply
      .status(status)
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(messagePage('Cercle', lines));

  const cookie = (value: string, maxAgeSeconds: number) =>
    [
      `${ZOOM_INSTALL_COOKIE}=${value}`,
      `Path=${ZOOM_INSTALL_PATH}`,
      `Max-Age=${maxAgeSeconds}`,
      'HttpOnly',
      // Zoom's redirect back is a top-level GET from another site: Lax lets the cookie through.
      'SameSite=Lax',
      ...(isSecure ? ['Secure'] : []),
    ].join('; ');

  app.get(ZOOM_INSTALL_PATH, { config: limit }, async (request, reply) => {
    if (!settings || !seal) return page(reply, 503, PAGES.notConfigured);
    const query = installQuerySchema.safeParse(request.query);
    if (!query.success) return page(reply, 400, PAGES.invalid);
    const { code, state, error } = query.data;

    if (!state && !error) {
      const at = now();
      const pkce = newPkcePair();
      const newState = newToken();
      const browserSecret = newToken();
      await store.savePendingOAuth(
        {
          stateHash: hashToken(newState),
          provider: 'zoom',
          verifier: seal.encode(pkce.verifier),
          browserHash: hashToken(browserSecret),
          expiresAt: at + ZOOM_INSTALL_TTL_MS,
        },
        at,
      );
      return reply
        .status(302)
        .header('Cache-Control', 'no-store')
        .header('Set-Cookie', cookie(browserSecret, ZOOM_INSTALL_TTL_MS / 1000))
        .header(
          'Location',
          zoomAuthorizeUrl(settings, { state: newState, challenge: pkce.challenge }),
        )
        .send();
    }

    // From here the state is spent, whatever happens next.
    const at = now();
    const pending = state ? await store.takePendingOAuth(hashToken(state), at) : null;
    reply.header('Set-Cookie', cookie('', 0));
    if (error) {
      request.log.warn(
        { zoomError: error, description: query.data.error_description },
        'zoom install not authorised',
      );
      return error === 'access_denied'
        ? page(reply, 403, PAGES.denied)
        : page(reply, 502, PAGES.zoomRefused);
    }
    if (pending?.provider !== 'zoom' || !isSameBrowser(request, pending.browserHash)) {
      request.log.warn({ isKnown: pending !== null }, 'zoom install state refused');
      return page(reply, 400, PAGES.badState);
    }
    if (!code) return page(reply, 400, PAGES.invalid);

    const tokens = await exchangeZoomCode(settings, {
      code,
      verifier: seal.decode(pending.verifier),
      now: at,
    });
    if (!tokens.ok) {
      request.log.error(
        { status: tokens.status, detail: tokens.detail },
        'zoom token exchange failed',
      );
      return page(reply, 502, PAGES.exchangeFailed);
    }
    const { accessToken, refreshToken, scope, expiresAt } = tokens.value;
    const subject = zoomUserIdOf(accessToken);
    if (subject)
      await store.saveHostGrant({
        provider: 'zoom',
        subject,
        accessToken: seal.encode(accessToken),
        refreshToken: refreshToken === null ? null : seal.encode(refreshToken),
        scope,
        expiresAt,
        updatedAt: at,
      });
    else request.log.warn('zoom access token names no user: grant not kept');

    const deeplink = await createZoomDeeplink(settings, accessToken);
    if (!deeplink.ok) {
      // Installed all the same: the person opens Cercle from a meeting's Apps button.
      request.log.error(
        { status: deeplink.status, detail: deeplink.detail },
        'zoom deeplink request failed',
      );
      return page(reply, 200, PAGES.installed);
    }
    request.log.info({ isGrantKept: subject !== null }, 'zoom app installed');
    return reply
      .status(302)
      .header('Cache-Control', 'no-store')
      .header('Location', deeplink.value)
      .send();
  });
}

/** True when the request carries the cookie whose secret hashes to `browserHash`. */
function isSameBrowser(request: FastifyRequest, browserHash: string): boolean {
  const secret = readCookie(request.headers.cookie, ZOOM_INSTALL_COOKIE);
  if (!secret) return false;
  const given = Buffer.from(hashToken(secret), 'hex');
  const expected = Buffer.from(browserHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
}
