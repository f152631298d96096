import { tokenSchema } from '@cercle/protocol';
import type { Credential, SessionStore } from '@cercle/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from '../auth/tokens.ts';
import { sendError } from './httpError.ts';

/** A credential of the protocol's shape, or undefined: nothing else reaches the store. */
function asToken(value: string | null | undefined): string | undefined {
  return value != null && tokenSchema.safeParse(value).success ? value : undefined;
}

/** How long a file link opens its file: enough for the host to hand it to a browser. */
export const FILE_LINK_TTL_MS = 2 * 60_000;

/**
 * File links are single-use. Remembered by this instance until they expire; behind several
 * instances a link could be opened once per instance within its two minutes, which the short
 * life bounds.
 */
const usedFileLinks = new Map<string, number>();

function takeFileLink(tokenHash: string, expiresAt: number, now: number): boolean {
  for (const [hash, until] of usedFileLinks) if (until <= now) usedFileLinks.delete(hash);
  if (usedFileLinks.has(tokenHash)) return false;
  usedFileLinks.set(tokenHash, expiresAt);
  return true;
}

/**
 * The person's seat in `Authorization: Bearer …`, the same a panel presents on its socket.
 * Answers 401 itself and returns null when there is none or it has expired, and 403 for a stage
 * capability, which names no person and so may do nothing a person does. Where `allowFileLink`,
 * a file link in `?access=` stands for the seat, once.
 */
export async function requireCredential(
  store: SessionStore,
  request: FastifyRequest,
  reply: FastifyReply,
  now: number,
  options: { readonly allowFileLink?: boolean } = {},
): Promise<Credential | null> {
  const bearer = asToken(/^Bearer (.*)$/s.exec(request.headers.authorization ?? '')?.[1]);
  // Read from the address itself: a route's query schema keeps only the parameters it names.
  const fromAddress = new URL(request.url, 'http://cercle').searchParams.get('access');
  const access = !bearer && options.allowFileLink ? asToken(fromAddress) : undefined;
  const token = bearer ?? access;
  const credential = token ? await store.findCredential(hashToken(token)) : null;
  if (!credential || (credential.expiresAt !== null && credential.expiresAt <= now)) {
    sendError(reply, 401, 'unauthorized', 'Sign in to this session again from its panel.');
    return null;
  }
  // A file link opens a file, only by its address; a seat never travels in an address.
  if ((access !== undefined) !== (credential.kind === 'file')) {
    sendError(reply, 403, 'forbidden', 'This link does not open this.');
    return null;
  }
  if (credential.kind === 'stage') {
    sendError(reply, 403, 'forbidden', 'This screen only shows the session.');
    return null;
  }
  if (access && !takeFileLink(credential.tokenHash, credential.expiresAt ?? now, now)) {
    sendError(reply, 410, 'unauthorized', 'This link has been used: ask for the file again.');
    return null;
  }
  return credential;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The person's seat, set by `seatRequired` before the handler runs. */
    seat: Credential | null;
  }
}

/**
 * A route's authentication, as a preHandler: the handler runs only with a seat, read with
 * `seatOf(request)`.
 */
export function seatRequired(
  store: SessionStore,
  now: () => number,
  options: { readonly allowFileLink?: boolean } = {},
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const credential = await requireCredential(store, request, reply, now(), options);
    if (!credential) return reply;
    request.seat = credential;
  };
}

/** The seat `seatRequired` found; a handler without that preHandler is a bug. */
export function seatOf(request: FastifyRequest): Credential {
  if (!request.seat) throw new Error(`${request.url}: no seat (seatRequired missing)`);
  return request.seat;
}
