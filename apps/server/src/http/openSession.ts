import { type CreateSessionInput, createSession } from '@cercle/domain';
import type { CreateSessionResponse } from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import { LINK_CREDENTIAL_TTL_MS } from '../auth/credentials.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';

/**
 * Creates a session reached by links — a group's first from the start page, or its next from the
 * panel — with its facilitator's seat and the participants' invitation.
 */
export async function openLinkSession(
  store: SessionStore,
  publicUrl: string,
  input: Omit<CreateSessionInput, 'id'>,
): Promise<CreateSessionResponse> {
  const sessionId = newId();
  const token = newToken();
  const joinToken = newToken();
  const personId = input.facilitator.id;
  await store.createSession({
    state: createSession({ ...input, id: sessionId }),
    joinTokenHash: hashToken(joinToken),
    facilitatorCredential: {
      tokenHash: hashToken(token),
      sessionId,
      personId,
      kind: 'link',
      createdAt: input.now,
      expiresAt: input.now + LINK_CREDENTIAL_TTL_MS,
    },
  });
  return {
    sessionId,
    personId,
    token,
    facilitatorLink: `${publicUrl}/s/${sessionId}#token=${token}`,
    participantLink: `${publicUrl}/s/${sessionId}#join=${joinToken}`,
  };
}
