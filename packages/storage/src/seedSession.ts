import { createSession, REMOTE_TWO_HOURS, type SessionState } from '@cercle/domain';
import type { SessionStore } from './sessionStore.ts';

/** Tests' session: `id` with facilitator `fac`, whose link credential is stored under `h-<id>`. */
export async function seedSession(
  store: SessionStore,
  id: string,
  now = 1_700_000_000_000,
): Promise<SessionState> {
  const state = createSession({
    id,
    groupName: 'Cercle',
    template: REMOTE_TWO_HOURS,
    facilitator: { id: 'fac', displayName: 'Awa' },
    now,
  });
  await store.createSession({
    state,
    joinTokenHash: `j-${id}`,
    facilitatorCredential: {
      tokenHash: `h-${id}`,
      sessionId: id,
      personId: 'fac',
      kind: 'link',
      createdAt: now,
      expiresAt: null,
    },
  });
  return state;
}
