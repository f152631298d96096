import { type CreateSessionInput, createSession } from '@cercle/domain';
import type { CreateSessionResponse } from '@cercle/protocol';
import type { ExternalLink, Identity, SessionStore } from '@cercle/storage';
import { LINK_CREDENTIAL_TTL_MS } from '../auth/credentials.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';

export interface OpenedSession extends CreateSessionResponse {
  /** The participants' secret, also inside `participantLink`. */
  readonly joinToken: string;
}

/**
 * Creates a session reached by links — a group's first from the start page, or its next from the
 * panel, or a Teams meeting's from its tab — with its facilitator's seat and the participants'
 * invitation. Null when `options.link` names a meeting that already has a session.
 */
export async function openLinkSession(
  store: SessionStore,
  publicUrl: string,
  input: Omit<CreateSessionInput, 'id'>,
  options: { readonly link?: ExternalLink; readonly facilitatorSubject?: Identity['subject'] } = {},
): Promise<OpenedSession | null> {
  const sessionId = newId();
  const token = newToken();
  const joinToken = newToken();
  const personId = input.facilitator.id;
  const isCreated = await store.createSession({
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
    ...(options.link ? { link: options.link } : {}),
    ...(options.link && options.facilitatorSubject
      ? {
          facilitatorIdentity: {
            provider: options.link.provider,
            subject: options.facilitatorSubject,
            personId,
          },
        }
      : {}),
  });
  if (!isCreated) return null;
  return {
    sessionId,
    personId,
    token,
    joinToken,
    facilitatorLink: `${publicUrl}/s/${sessionId}#token=${token}`,
    participantLink: `${publicUrl}/s/${sessionId}#join=${joinToken}`,
  };
}

/** The link session as the start page and the panel receive it: the join secret stays inside its link. */
export function withoutJoinToken({
  joinToken: _secret,
  ...created
}: OpenedSession): CreateSessionResponse {
  return created;
}
