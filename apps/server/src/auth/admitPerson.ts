import { cleanName, distinctName, LIMITS } from '@cercle/domain';
import type { CredentialKind, SessionStore } from '@cercle/storage';
import type { Room } from '../rooms/room.ts';
import { issueCredential } from './credentials.ts';
import { newId } from './tokens.ts';

export type Admission =
  | {
      readonly ok: true;
      readonly personId: string;
      readonly token: string;
      readonly expiresAt: number | null;
    }
  | { readonly ok: false; readonly reason: string };

const NUMBERING_ATTEMPTS = 3;

/**
 * Brings a new person into a session the way every door does (link, Zoom, Teams): a domain `join`
 * committed and broadcast like any command, then a credential of the given kind.
 */
export async function admitPerson(
  store: SessionStore,
  room: Room,
  input: {
    displayName: string;
    kind: CredentialKind;
    now: number;
    ttlMs?: number;
    /** A member of the group coming back keeps the id they had in its earlier sessions. */
    personId?: string;
    /**
     * The person typed this name just now (the participant link): a name already taken is refused
     * (`nameTaken`) so they pick again or open their own seat. Otherwise (a host's screen name, a
     * member following the group) it is numbered instead ("Kim (2)") [R80].
     */
    isNameChosen?: boolean;
  },
): Promise<Admission> {
  const personId = input.personId ?? newId();
  let outcome: Awaited<ReturnType<Room['submit']>> | null = null;
  // Numbering reads the roster before submitting: a concurrent arrival may take the same number.
  for (let attempt = 0; attempt < NUMBERING_ATTEMPTS; attempt += 1) {
    const displayName = input.isNameChosen
      ? input.displayName
      : distinctName(room.state.people, input.displayName, LIMITS.displayNameMaxChars);
    outcome = await room.submit(personId, { type: 'join', displayName }, null);
    if (outcome.ok || outcome.reason !== 'nameTaken' || input.isNameChosen) break;
  }
  if (!outcome?.ok) return { ok: false, reason: outcome?.reason ?? 'nameTaken' };
  const token = await issueCredential(store, {
    sessionId: room.sessionId,
    personId,
    kind: input.kind,
    now: input.now,
    ...(input.ttlMs === undefined ? {} : { ttlMs: input.ttlMs }),
  });
  return {
    ok: true,
    personId,
    token,
    expiresAt: input.ttlMs === undefined ? null : input.now + input.ttlMs,
  };
}

/**
 * Host screen names are free text: cleaned by the domain's one rule for names [R47], cut to the
 * roster's length, never a reason to refuse a person — with nothing left, `fallback` stands in.
 */
export function cleanDisplayName(raw: string, fallback: string): string {
  let cut = '';
  // By code points, so an emoji at the edge is dropped whole rather than split in two.
  for (const char of cleanName(raw)) {
    if (cut.length + char.length > LIMITS.displayNameMaxChars) break;
    cut += char;
  }
  return cleanName(cut) || fallback;
}
