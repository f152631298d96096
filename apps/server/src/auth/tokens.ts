import { createHash, randomBytes } from 'node:crypto';

/** 256 bits: unguessable, and URL-safe so it fits in a link's fragment. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** Only hashes are stored: a leaked database does not hand out working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
