import { timingSafeEqual } from 'node:crypto';
import { STAGE_VIEWER_ID } from '@cercle/domain';
import type { CredentialKind, SessionStore } from '@cercle/storage';
import { hashToken, newToken } from './tokens.ts';

/**
 * A link credential (a browser's seat in a session) lasts a cycle's month: long enough to prepare
 * a session ahead and read one's notes after, short enough that an old link stops working.
 */
export const LINK_CREDENTIAL_TTL_MS = 30 * 24 * 60 * 60_000;

/** Issues a bearer token that lets `personId` into `sessionId`; returns the token itself. */
export async function issueCredential(
  store: SessionStore,
  input: {
    sessionId: string;
    personId: string;
    kind: CredentialKind;
    now: number;
    ttlMs?: number;
  },
): Promise<string> {
  const token = newToken();
  await store.issueCredential({
    tokenHash: hashToken(token),
    sessionId: input.sessionId,
    personId: input.personId,
    kind: input.kind,
    createdAt: input.now,
    expiresAt: input.ttlMs === undefined ? null : input.now + input.ttlMs,
  });
  return token;
}

export type TokenCheck =
  | { readonly ok: true; readonly personId: string; readonly kind: CredentialKind }
  | { readonly ok: false; readonly message: string };

/** The one credential check of the WebSocket hello, whatever issued the token. */
export async function verifyToken(
  store: SessionStore,
  sessionId: string,
  token: string,
  now: number,
): Promise<TokenCheck> {
  const credential = await store.findCredential(hashToken(token));
  if (!credential || credential.sessionId !== sessionId)
    return { ok: false, message: 'This link is not valid for this session.' };
  if (credential.expiresAt !== null && credential.expiresAt <= now)
    return { ok: false, message: 'This sign-in has expired: open the panel again.' };
  return { ok: true, personId: credential.personId, kind: credential.kind };
}

/**
 * A stage capability lasts as long as a link credential: the tab that holds it is reopened for the
 * whole meeting, and a new one is made each time someone shares to the stage.
 */
export const STAGE_CREDENTIAL_TTL_MS = LINK_CREDENTIAL_TTL_MS;

/** Issues a capability to watch one session's shared screen: it names nobody and can do nothing. */
export function issueStageCredential(
  store: SessionStore,
  sessionId: string,
  now: number,
): Promise<string> {
  return issueCredential(store, {
    sessionId,
    personId: STAGE_VIEWER_ID,
    kind: 'stage',
    now,
    ttlMs: STAGE_CREDENTIAL_TTL_MS,
  });
}

/**
 * A participant link admits newcomers for a month from when it was made (or made again): a link
 * forwarded once stops being a standing invitation. The facilitator makes a new one from the panel.
 */
export const JOIN_LINK_TTL_MS = LINK_CREDENTIAL_TTL_MS;

/** Compares a presented join secret with the stored hash in constant time. */
export function matchesJoinToken(joinToken: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const presented = Buffer.from(hashToken(joinToken), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/**
 * Whether a participant link's secret lets a newcomer into `sessionId` now. `expired` only for the
 * right secret: an unknown session and a wrong secret get the same answer.
 */
export async function checkJoinToken(
  store: SessionStore,
  sessionId: string,
  joinToken: string,
  now: number,
): Promise<'valid' | 'invalid' | 'expired'> {
  const stored = await store.findJoinToken(sessionId);
  if (!stored || !matchesJoinToken(joinToken, stored.hash)) return 'invalid';
  return stored.expiresAt !== null && stored.expiresAt <= now ? 'expired' : 'valid';
}

/** Makes a new participant link for a session; the one before stops working. Null if unknown. */
export async function rotateJoinToken(
  store: SessionStore,
  publicUrl: string,
  sessionId: string,
  now: number,
): Promise<{ participantLink: string; expiresAt: number } | null> {
  const joinToken = newToken();
  const expiresAt = now + JOIN_LINK_TTL_MS;
  if (!(await store.rotateJoinToken(sessionId, hashToken(joinToken), expiresAt))) return null;
  return { participantLink: `${publicUrl}/s/${sessionId}#join=${joinToken}`, expiresAt };
}
