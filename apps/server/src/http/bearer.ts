import type { Credential, SessionStore } from '@cercle/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from '../auth/tokens.ts';
import { sendError } from './httpError.ts';

/**
 * The credential in `Authorization: Bearer …`, the same a panel presents on its socket. Answers
 * 401 itself and returns null when there is none or it has expired, and 403 for a stage
 * capability, which names no person and so may do nothing a person does.
 */
export async function requireCredential(
  store: SessionStore,
  request: FastifyRequest,
  reply: FastifyReply,
  now: number,
): Promise<Credential | null> {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,4096})$/.exec(request.headers.authorization ?? '');
  const credential = match?.[1] ? await store.findCredential(hashToken(match[1])) : null;
  if (!credential || (credential.expiresAt !== null && credential.expiresAt <= now)) {
    sendError(reply, 401, 'unauthorized', 'Sign in to this session again from its panel.');
    return null;
  }
  if (credential.kind === 'stage') {
    sendError(reply, 403, 'forbidden', 'This screen only shows the session.');
    return null;
  }
  return credential;
}
