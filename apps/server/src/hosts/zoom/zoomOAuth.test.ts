import { describe, expect, it } from 'vitest';
import { newPkcePair, pkceChallenge, zoomAuthorizeUrl, zoomUserIdOf } from './zoomOAuth.ts';

const jwt = (payload: unknown) =>
  `eyJhbGciOiJIUzUxMiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

describe('Zoom OAuth helpers', () => {
  it('derives the S256 challenge of RFC 7636’s example', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers of 43 unreserved characters, a new one each time', () => {
    const one = newPkcePair();
    expect(one.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(one.challenge).toBe(pkceChallenge(one.verifier));
    expect(newPkcePair().verifier).not.toBe(one.verifier);
  });

  it('builds the consent URL on the configured server', () => {
    const url = new URL(
      zoomAuthorizeUrl(
        {
          clientId: 'id',
          clientSecret: 'secret',
          oauthUrl: 'http://127.0.0.1:9000',
          apiUrl: 'http://127.0.0.1:9001',
          redirectUri: 'https://cercle.test/zoom/install',
        },
        { state: 's t&', challenge: 'c' },
      ),
    );
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:9000/oauth/authorize');
    expect(url.searchParams.get('state')).toBe('s t&');
    expect(url.searchParams.has('client_secret')).toBe(false);
  });

  it.each([
    [
      'a Zoom token',
      jwt({ uid: 'KdYKjnimT4KPd8KKdQt9FQ', aud: 'https://oauth.zoom.us' }),
      'KdYKjnimT4KPd8KKdQt9FQ',
    ],
    ['a token without uid', jwt({ aud: 'x' }), null],
    ['a token whose uid is not text', jwt({ uid: 42 }), null],
    ['an opaque token', 'opaque-token', null],
    ['a payload that is not JSON', 'a.%%%.c', null],
  ])('reads the user of %s', (_label, token, expected) => {
    expect(zoomUserIdOf(token)).toBe(expected);
  });
});
