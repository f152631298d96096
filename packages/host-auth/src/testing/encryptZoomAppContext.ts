import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { ZOOM_CONTEXT_ISSUER } from '../zoom/decodeZoomAppContext.ts';

export interface EncryptZoomAppContextOptions {
  readonly iv?: Uint8Array;
  readonly aad?: Uint8Array;
}

/**
 * Builds an `x-zoom-app-context` header the way Zoom does, for tests only:
 * `[ivLen:1][iv][aadLen:2 LE][aad][ctLen:4 LE][ciphertext][tag:16]`, base64.
 */
export function encryptZoomAppContext(
  payload: Readonly<Record<string, unknown>>,
  clientSecret: string,
  options: EncryptZoomAppContextOptions = {},
): string {
  const iv = Buffer.from(options.iv ?? randomBytes(12));
  const aad = Buffer.from(options.aad ?? Buffer.from('cercle-test-aad'));
  const key = createHash('sha256').update(clientSecret, 'utf8').digest();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(payload), 'utf8'),
    cipher.final(),
  ]);

  const ivLength = Buffer.of(iv.length);
  const aadLength = Buffer.alloc(2);
  aadLength.writeUInt16LE(aad.length);
  const ciphertextLength = Buffer.alloc(4);
  ciphertextLength.writeUInt32LE(ciphertext.length);
  return Buffer.concat([
    ivLength,
    iv,
    aadLength,
    aad,
    ciphertextLength,
    ciphertext,
    cipher.getAuthTag(),
  ]).toString('base64');
}

export interface ZoomContextPayloadInput {
  readonly clientId: string;
  /** Milliseconds since the epoch: `ts`; `exp` is two minutes later, as Zoom sends it. */
  readonly now: number;
  readonly [claim: string]: unknown;
}

/** A payload Zoom would send for a signed-in participant; override or drop claims as needed. */
export function makeZoomContextPayload(input: ZoomContextPayloadInput): Record<string, unknown> {
  const { clientId, now, ...overrides } = input;
  return {
    typ: 'inMeeting',
    uid: 'zoom-user-1',
    mid: 'meeting-uuid-1==',
    attendrole: 'participant',
    ts: now,
    exp: now + 2 * 60_000,
    iss: ZOOM_CONTEXT_ISSUER,
    aud: clientId,
    ...overrides,
  };
}
