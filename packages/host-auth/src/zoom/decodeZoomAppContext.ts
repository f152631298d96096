import { createDecipheriv, createHash } from 'node:crypto';

export const ZOOM_CONTEXT_ISSUER = 'marketplace.zoom.us';

/** Far above any real header (a few hundred bytes) yet small enough to refuse abuse cheaply. */
export const ZOOM_CONTEXT_MAX_CHARS = 64 * 1024;

const GCM_TAG_BYTES = 16;

export const ZoomRole = {
  host: 'host',
  coHost: 'coHost',
  attendee: 'attendee',
  panelist: 'panelist',
  unknown: 'unknown',
} as const;
export type ZoomRole = (typeof ZoomRole)[keyof typeof ZoomRole];

export const ZoomContextError = {
  missing: 'missing',
  notBase64: 'notBase64',
  truncated: 'truncated',
  tampered: 'tampered',
  expired: 'expired',
  wrongIssuer: 'wrongIssuer',
  wrongAudience: 'wrongAudience',
  invalidPayload: 'invalidPayload',
} as const;
export type ZoomContextError = (typeof ZoomContextError)[keyof typeof ZoomContextError];

/**
 * Where the app was opened, from the context's `typ`: Zoom documents `meeting`, `webinar` and
 * `panel` (its main client, outside any meeting, with no meeting id), and `chat` for chat apps.
 */
export const ZoomSurface = {
  meeting: 'meeting',
  mainClient: 'mainClient',
} as const;
export type ZoomSurface = (typeof ZoomSurface)[keyof typeof ZoomSurface];

/** Zoom's `typ` for the main client's app panel, opened outside any meeting. */
export const ZOOM_MAIN_CLIENT_TYP = 'panel';

/** What the server may trust about the person who opened the app, once the header checks out. */
export type ZoomAppContext =
  | {
      readonly surface: typeof ZoomSurface.meeting;
      /** The meeting's UUID; in a breakout room, the meeting the room belongs to. */
      readonly meetingUuid: string;
      /** Absent for guests (people not signed in to Zoom). */
      readonly userId: string | null;
      readonly role: ZoomRole;
      readonly breakoutMeetingUuid: string | null;
      /** Zoom's `typ`, e.g. `meeting` or `webinar`. */
      readonly typ: string;
      /** Milliseconds since the epoch. */
      readonly expiresAt: number;
    }
  | {
      readonly surface: typeof ZoomSurface.mainClient;
      readonly userId: string | null;
      readonly typ: string;
      readonly expiresAt: number;
    };

export type DecodeZoomAppContextResult =
  | { readonly ok: true; readonly context: ZoomAppContext }
  | { readonly ok: false; readonly error: ZoomContextError };

export interface DecodeZoomAppContextOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Milliseconds since the epoch. */
  readonly now: number;
}

interface PackedContext {
  readonly iv: Buffer;
  readonly aad: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Decrypts and checks the `x-zoom-app-context` header Zoom sends with the Home URL request.
 * Never throws on bad input: every way a header can be wrong is an error code.
 */
export function decodeZoomAppContext(
  header: string | null | undefined,
  options: DecodeZoomAppContextOptions,
): DecodeZoomAppContextResult {
  const text = header?.trim() ?? '';
  if (text === '') return fail(ZoomContextError.missing);
  if (text.length > ZOOM_CONTEXT_MAX_CHARS) return fail(ZoomContextError.invalidPayload);

  const bytes = decodeBase64(text);
  if (bytes === null) return fail(ZoomContextError.notBase64);

  const packed = unpack(bytes);
  if (packed === 'truncated') return fail(ZoomContextError.truncated);
  if (packed === 'malformed') return fail(ZoomContextError.tampered);

  const plaintext = decrypt(packed, options.clientSecret);
  if (plaintext === null) return fail(ZoomContextError.tampered);

  return validate(plaintext, options);
}

/** Maps the role strings Zoom uses in its various sources onto one set. */
export function normaliseZoomRole(raw: unknown): ZoomRole {
  if (typeof raw !== 'string') return ZoomRole.unknown;
  switch (raw.toLowerCase().replace(/[-_\s]/g, '')) {
    case 'host':
      return ZoomRole.host;
    case 'cohost':
      return ZoomRole.coHost;
    case 'attendee':
    case 'participant':
      return ZoomRole.attendee;
    case 'panelist':
      return ZoomRole.panelist;
    default:
      return ZoomRole.unknown;
  }
}

function fail(error: ZoomContextError): DecodeZoomAppContextResult {
  return { ok: false, error };
}

function decodeBase64(text: string): Buffer | null {
  // Buffer.from silently skips foreign characters, so check the alphabet first.
  const encoding = BASE64.test(text) ? 'base64' : BASE64URL.test(text) ? 'base64url' : null;
  if (encoding === null || text.replace(/=+$/, '').length % 4 === 1) return null;
  return Buffer.from(text, encoding);
}

/** `[ivLen:1][iv][aadLen:2 LE][aad][ctLen:4 LE][ciphertext][tag:16]` */
function unpack(bytes: Buffer): PackedContext | 'truncated' | 'malformed' {
  let offset = 0;
  const take = (length: number): Buffer | null => {
    if (offset + length > bytes.length) return null;
    const slice = bytes.subarray(offset, offset + length);
    offset += length;
    return slice;
  };

  const ivLength = take(1)?.readUInt8(0);
  if (ivLength === undefined) return 'truncated';
  const iv = take(ivLength);
  const aadLength = take(2)?.readUInt16LE(0);
  if (iv === null || aadLength === undefined) return 'truncated';
  const aad = take(aadLength);
  const ciphertextLength = take(4)?.readUInt32LE(0);
  if (aad === null || ciphertextLength === undefined) return 'truncated';
  const ciphertext = take(ciphertextLength);
  const tag = take(GCM_TAG_BYTES);
  if (ciphertext === null || tag === null) return 'truncated';

  if (ivLength === 0 || offset !== bytes.length) return 'malformed';
  return { iv, aad, ciphertext, tag };
}

function decrypt(packed: PackedContext, clientSecret: string): string | null {
  const key = createHash('sha256').update(clientSecret, 'utf8').digest();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, packed.iv, {
      authTagLength: GCM_TAG_BYTES,
    });
    decipher.setAAD(packed.aad);
    decipher.setAuthTag(packed.tag);
    return Buffer.concat([decipher.update(packed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // GCM authentication failure: wrong secret, or any byte changed in iv, aad, ciphertext or tag.
    return null;
  }
}

function validate(
  plaintext: string,
  options: DecodeZoomAppContextOptions,
): DecodeZoomAppContextResult {
  let payload: unknown;
  try {
    payload = JSON.parse(plaintext);
  } catch {
    return fail(ZoomContextError.invalidPayload);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return fail(ZoomContextError.invalidPayload);
  }
  const claims = payload as Record<string, unknown>;

  const { mid, typ, exp, uid, bmid } = claims;
  if (!isNonEmptyString(typ) || !Number.isFinite(exp)) {
    return fail(ZoomContextError.invalidPayload);
  }
  // Only the main client's panel comes without a meeting; any other context must name one.
  if (!isNonEmptyString(mid) && typ !== ZOOM_MAIN_CLIENT_TYP) {
    return fail(ZoomContextError.invalidPayload);
  }
  // Guests have no uid; an empty or null one is read the same way rather than refused.
  if (!isAbsentOrString(uid) || !isAbsentOrString(bmid)) {
    return fail(ZoomContextError.invalidPayload);
  }

  if (claims.iss !== ZOOM_CONTEXT_ISSUER) return fail(ZoomContextError.wrongIssuer);
  if (claims.aud !== options.clientId) return fail(ZoomContextError.wrongAudience);
  const expiresAt = exp as number;
  if (options.now >= expiresAt) return fail(ZoomContextError.expired);

  const userId = isNonEmptyString(uid) ? uid : null;
  if (!isNonEmptyString(mid))
    return { ok: true, context: { surface: ZoomSurface.mainClient, userId, typ, expiresAt } };
  return {
    ok: true,
    context: {
      surface: ZoomSurface.meeting,
      meetingUuid: mid,
      userId,
      role: normaliseZoomRole(claims.attendrole),
      breakoutMeetingUuid: isNonEmptyString(bmid) ? bmid : null,
      typ,
      expiresAt,
    },
  };
}

function isAbsentOrString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
