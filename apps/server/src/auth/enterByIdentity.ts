import type { HostEnterResponse } from '@cercle/protocol';
import type { CredentialKind, HostProvider, SessionStore } from '@cercle/storage';
import type { Room } from '../rooms/room.ts';
import { admitPerson } from './admitPerson.ts';
import { issueCredential } from './credentials.ts';

export type HostEntry =
  | { readonly ok: true; readonly entry: HostEnterResponse }
  | { readonly ok: false; readonly reason: string };

/**
 * The one way a host's verified identity (a Zoom user, a Teams tenant + object id) enters a
 * session: the person it was bound to gets a fresh credential; someone new joins like anyone and
 * is bound to it, so the same identity finds the same seat on any device.
 */
export async function enterByIdentity(
  store: SessionStore,
  room: Room,
  input: {
    readonly provider: HostProvider;
    readonly subject: string;
    readonly displayName: string;
    readonly kind: CredentialKind;
    readonly now: number;
    readonly ttlMs: number;
  },
): Promise<HostEntry> {
  const entry = (personId: string, token: string): HostEntry => ({
    ok: true,
    entry: { sessionId: room.sessionId, personId, token, expiresAt: input.now + input.ttlMs },
  });
  const known = await store.findIdentity(room.sessionId, input.provider, input.subject);
  if (known) {
    // The identity stays bound to the person the facilitator removed: it does not come back.
    if (room.state.removedIds.includes(known)) return { ok: false, reason: 'removed' };
    const token = await issueCredential(store, {
      sessionId: room.sessionId,
      personId: known,
      kind: input.kind,
      now: input.now,
      ttlMs: input.ttlMs,
    });
    return entry(known, token);
  }
  const admission = await admitPerson(store, room, {
    displayName: input.displayName,
    kind: input.kind,
    now: input.now,
    ttlMs: input.ttlMs,
  });
  if (!admission.ok) return admission;
  await store.linkIdentity(room.sessionId, {
    provider: input.provider,
    subject: input.subject,
    personId: admission.personId,
  });
  return entry(admission.personId, admission.token);
}
