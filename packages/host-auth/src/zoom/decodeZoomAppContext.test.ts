import { describe, expect, it } from 'vitest';
import { encryptZoomAppContext, makeZoomContextPayload } from '../testing/encryptZoomAppContext.ts';
import {
  decodeZoomAppContext,
  normaliseZoomRole,
  ZOOM_CONTEXT_MAX_CHARS,
  ZoomRole,
} from './decodeZoomAppContext.ts';

const CLIENT_ID = 'zoom-client-id';
const CLIENT_SECRET = 'zoom-client-secret';
const NOW = Date.UTC(2025, 0, 15, 10, 0, 0);
const OPTIONS = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, now: NOW };

function header(overrides: Record<string, unknown> = {}, secret = CLIENT_SECRET): string {
  return encryptZoomAppContext(
    makeZoomContextPayload({ clientId: CLIENT_ID, now: NOW, ...overrides }),
    secret,
  );
}

/** Offsets of each part inside the decoded header, to change one byte at a time. */
function layout(bytes: Buffer) {
  const ivLength = bytes.readUInt8(0);
  const aadLength = bytes.readUInt16LE(1 + ivLength);
  const ciphertextStart = 1 + ivLength + 2 + aadLength + 4;
  const ciphertextLength = bytes.readUInt32LE(ciphertextStart - 4);
  return { ciphertextStart, tagStart: ciphertextStart + ciphertextLength };
}

function flipByte(encoded: string, pick: (parts: ReturnType<typeof layout>) => number): string {
  const bytes = Buffer.from(encoded, 'base64');
  const index = pick(layout(bytes));
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString('base64');
}

describe('decodeZoomAppContext', () => {
  it('returns the meeting, user and role of a valid header', () => {
    const result = decodeZoomAppContext(header({ attendrole: 'host', bmid: '' }), OPTIONS);

    expect(result).toEqual({
      ok: true,
      context: {
        surface: 'meeting',
        meetingUuid: 'meeting-uuid-1==',
        userId: 'zoom-user-1',
        role: ZoomRole.host,
        breakoutMeetingUuid: null,
        typ: 'inMeeting',
        expiresAt: NOW + 120_000,
      },
    });
  });

  it('reports the breakout room meeting UUID when there is one', () => {
    const result = decodeZoomAppContext(header({ bmid: 'breakout-uuid' }), OPTIONS);

    expect(result).toMatchObject({
      ok: true,
      context: { meetingUuid: 'meeting-uuid-1==', breakoutMeetingUuid: 'breakout-uuid' },
    });
  });

  it('recognises the main client, where Zoom sends typ "panel" and no meeting', () => {
    const result = decodeZoomAppContext(
      header({ typ: 'panel', mid: undefined, attendrole: undefined }),
      OPTIONS,
    );

    expect(result).toEqual({
      ok: true,
      context: {
        surface: 'mainClient',
        userId: 'zoom-user-1',
        typ: 'panel',
        expiresAt: NOW + 120_000,
      },
    });
  });

  it.each([
    ['a meeting', 'meeting'],
    ['a webinar', 'webinar'],
    ['a chat', 'chat'],
  ])('still refuses %s context without a meeting UUID', (_, typ) => {
    expect(decodeZoomAppContext(header({ typ, mid: undefined }), OPTIONS)).toEqual({
      ok: false,
      error: 'invalidPayload',
    });
  });

  it('checks a main client context like any other: expiry, audience, secret', () => {
    const panel = { typ: 'panel', mid: undefined };

    expect(decodeZoomAppContext(header({ ...panel, exp: NOW }), OPTIONS)).toEqual({
      ok: false,
      error: 'expired',
    });
    expect(decodeZoomAppContext(header({ ...panel, aud: 'other' }), OPTIONS)).toEqual({
      ok: false,
      error: 'wrongAudience',
    });
    expect(decodeZoomAppContext(header(panel, 'another-secret'), OPTIONS)).toEqual({
      ok: false,
      error: 'tampered',
    });
  });

  it('accepts the URL-safe base64 alphabet', () => {
    const urlSafe = Buffer.from(header(), 'base64').toString('base64url');

    expect(decodeZoomAppContext(urlSafe, OPTIONS).ok).toBe(true);
  });

  it.each([
    ['without uid', undefined],
    ['with an empty uid', ''],
    ['with a null uid', null],
  ])('gives a guest %s a null user id', (_, uid) => {
    const result = decodeZoomAppContext(header({ uid }), OPTIONS);

    expect(result.ok && result.context.userId).toBeNull();
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['a blank header', '   '],
  ])('reports %s as missing', (_, value) => {
    expect(decodeZoomAppContext(value, OPTIONS)).toEqual({ ok: false, error: 'missing' });
  });

  it.each([
    ['foreign characters', 'not base64 at all!'],
    ['an impossible length', 'QUJDR'],
    ['mixed alphabets', 'ab+c_d=='],
  ])('rejects %s as not base64', (_, value) => {
    expect(decodeZoomAppContext(value, OPTIONS)).toEqual({ ok: false, error: 'notBase64' });
  });

  it('rejects a header cut anywhere before the end of the tag as truncated', () => {
    const bytes = Buffer.from(header(), 'base64');
    for (const length of [1, 5, 20, bytes.length - 16, bytes.length - 1]) {
      const cut = bytes.subarray(0, length).toString('base64');
      expect(decodeZoomAppContext(cut, OPTIONS), `cut at ${length}`).toEqual({
        ok: false,
        error: 'truncated',
      });
    }
  });

  it('rejects a changed authentication tag as tampered', () => {
    const tampered = flipByte(header(), ({ tagStart }) => tagStart + 3);

    expect(decodeZoomAppContext(tampered, OPTIONS)).toEqual({ ok: false, error: 'tampered' });
  });

  it('rejects a changed ciphertext as tampered', () => {
    const tampered = flipByte(header(), ({ ciphertextStart }) => ciphertextStart + 2);

    expect(decodeZoomAppContext(tampered, OPTIONS)).toEqual({ ok: false, error: 'tampered' });
  });

  it('rejects changed additional data as tampered', () => {
    const tampered = flipByte(header(), ({ ciphertextStart }) => ciphertextStart - 5);

    expect(decodeZoomAppContext(tampered, OPTIONS)).toEqual({ ok: false, error: 'tampered' });
  });

  it('rejects bytes after the tag as tampered', () => {
    const longer = Buffer.concat([Buffer.from(header(), 'base64'), Buffer.of(0)]);

    expect(decodeZoomAppContext(longer.toString('base64'), OPTIONS)).toEqual({
      ok: false,
      error: 'tampered',
    });
  });

  it('rejects a header encrypted with another app secret as tampered', () => {
    const foreign = header({}, 'another-secret');

    expect(decodeZoomAppContext(foreign, OPTIONS)).toEqual({ ok: false, error: 'tampered' });
  });

  it('rejects a header whose exp has passed, and accepts it just before', () => {
    const exp = NOW + 1000;

    expect(decodeZoomAppContext(header({ exp }), { ...OPTIONS, now: exp })).toEqual({
      ok: false,
      error: 'expired',
    });
    expect(decodeZoomAppContext(header({ exp }), { ...OPTIONS, now: exp - 1 }).ok).toBe(true);
  });

  it('rejects a header issued for another app', () => {
    expect(decodeZoomAppContext(header({ aud: 'other-client' }), OPTIONS)).toEqual({
      ok: false,
      error: 'wrongAudience',
    });
  });

  it('rejects a header from another issuer', () => {
    expect(decodeZoomAppContext(header({ iss: 'example.com' }), OPTIONS)).toEqual({
      ok: false,
      error: 'wrongIssuer',
    });
  });

  it.each([
    ['without meeting UUID', { mid: undefined }],
    ['without running context', { typ: undefined }],
    ['without expiry', { exp: undefined }],
    ['with an expiry in text', { exp: String(NOW + 60_000) }],
    ['with a numeric uid', { uid: 42 }],
    ['with a breakout room that is not text', { bmid: { id: 1 } }],
  ])('rejects a payload %s as invalid', (_, overrides) => {
    expect(decodeZoomAppContext(header(overrides), OPTIONS)).toEqual({
      ok: false,
      error: 'invalidPayload',
    });
  });

  it('rejects a plaintext that is not a JSON object as invalid', () => {
    for (const plaintext of [[1, 2], 'text']) {
      const encoded = encryptZoomAppContext(plaintext as never, CLIENT_SECRET);
      expect(decodeZoomAppContext(encoded, OPTIONS)).toEqual({
        ok: false,
        error: 'invalidPayload',
      });
    }
  });

  it('accepts long headers and refuses only absurd ones', () => {
    const long = header({ padding: 'x'.repeat(8000) });

    expect(decodeZoomAppContext(long, OPTIONS).ok).toBe(true);
    expect(decodeZoomAppContext('A'.repeat(ZOOM_CONTEXT_MAX_CHARS + 4), OPTIONS)).toEqual({
      ok: false,
      error: 'invalidPayload',
    });
  });

  it('normalises the role from the attendrole claim', () => {
    const roleOf = (attendrole: string) => {
      const result = decodeZoomAppContext(header({ attendrole }), OPTIONS);
      if (!result.ok) return result.error;
      return result.context.surface === 'meeting' ? result.context.role : result.context.surface;
    };

    expect(roleOf('co-host')).toBe(ZoomRole.coHost);
    expect(roleOf('participant')).toBe(ZoomRole.attendee);
  });
});

describe('normaliseZoomRole', () => {
  it.each([
    ['host', ZoomRole.host],
    ['HOST', ZoomRole.host],
    ['co-host', ZoomRole.coHost],
    ['cohost', ZoomRole.coHost],
    ['coHost', ZoomRole.coHost],
    ['participant', ZoomRole.attendee],
    ['attendee', ZoomRole.attendee],
    ['panelist', ZoomRole.panelist],
    ['owner', ZoomRole.unknown],
    [undefined, ZoomRole.unknown],
    [3, ZoomRole.unknown],
  ])('maps %s to %s', (raw, role) => {
    expect(normaliseZoomRole(raw)).toBe(role);
  });
});
