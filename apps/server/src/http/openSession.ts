import {
  type CreateSessionInput,
  carryOver,
  createSession,
  findPerson,
  type SessionState,
} from '@cercle/domain';
import { type CreateSessionResponse, DEFAULT_RETENTION_DAYS } from '@cercle/protocol';
import type { CredentialKind, ExternalLink, Identity, SessionStore } from '@cercle/storage';
import { JOIN_LINK_TTL_MS, LINK_CREDENTIAL_TTL_MS } from '../auth/credentials.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { Rooms } from '../rooms/rooms.ts';

export interface OpenedSession extends CreateSessionResponse {
  /** The participants' secret, also inside `participantLink`. */
  readonly joinToken: string;
}

/**
 * Creates a session reached by links — a group's first from the start page, or its next from the
 * panel, or a Teams meeting's from its tab — with its facilitator's seat and the participants'
 * invitation. Null when `options.link` names a meeting that already has a session.
 */
export interface OpenSessionOptions {
  readonly link?: ExternalLink;
  readonly facilitatorSubject?: Identity['subject'];
  /** The facilitator's credential; a link credential by default. */
  readonly credential?: { readonly kind: CredentialKind; readonly ttlMs: number };
  /**
   * The retention of a group this session starts (`DEFAULT_RETENTION_DAYS` when not said; null
   * keeps its content until someone erases it). A group's next session leaves the group's alone.
   */
  readonly retentionDays?: number | null;
}

export async function openLinkSession(
  store: SessionStore,
  publicUrl: string,
  input: Omit<CreateSessionInput, 'id'>,
  options: OpenSessionOptions = {},
): Promise<OpenedSession | null> {
  const sessionId = newId();
  const token = newToken();
  const joinToken = newToken();
  const personId = input.facilitator.id;
  const credential = options.credential ?? { kind: 'link', ttlMs: LINK_CREDENTIAL_TTL_MS };
  const isCreated = await store.createSession({
    state: createSession({ ...input, id: sessionId }),
    joinTokenHash: hashToken(joinToken),
    joinTokenExpiresAt: input.now + JOIN_LINK_TTL_MS,
    retentionDays:
      options.retentionDays === undefined ? DEFAULT_RETENTION_DAYS : options.retentionDays,
    facilitatorCredential: {
      tokenHash: hashToken(token),
      sessionId,
      personId,
      kind: credential.kind,
      createdAt: input.now,
      expiresAt: input.now + credential.ttlMs,
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

/** Every session of a group as it stands now, oldest first. */
export async function groupStates(
  store: SessionStore,
  rooms: Rooms,
  groupId: string,
): Promise<SessionState[]> {
  const states: SessionState[] = [];
  for (const id of await store.groupSessions(groupId)) {
    const room = await rooms.get(id);
    if (room) states.push(room.state);
  }
  return states;
}

/**
 * Opens a group's next session with what the group carries from one session to the next (the
 * previous client's plan, who has been client, the cycle's length), whichever door it is opened
 * from: the panel's "next session", or a Zoom meeting's set-up. Panels still open on the group's
 * latest session are told, when its facilitator is the one opening. Null when `options.link`
 * names a meeting that already has a session.
 */
export async function openNextSession(
  store: SessionStore,
  rooms: Rooms,
  publicUrl: string,
  input: {
    readonly groupId: string;
    readonly groupName: string;
    readonly template: CreateSessionInput['template'];
    readonly facilitator: CreateSessionInput['facilitator'];
    readonly now: number;
    readonly scheduledFor?: string | null;
    /** The cycle's length; the group's current one when undefined. */
    readonly cycleSessions?: number | null;
  },
  options: OpenSessionOptions = {},
): Promise<OpenedSession | null> {
  const states = await groupStates(store, rooms, input.groupId);
  const carried = carryOver(states);
  const opened = await openLinkSession(
    store,
    publicUrl,
    {
      groupId: input.groupId,
      groupName: input.groupName,
      template: input.template,
      facilitator: input.facilitator,
      now: input.now,
      ...carried,
      scheduledFor: input.scheduledFor ?? null,
      cycleSessions:
        input.cycleSessions === undefined ? carried.cycleSessions : input.cycleSessions,
    },
    options,
  );
  if (!opened) return null;
  // Every panel still open on the session it came from offers to follow.
  const latest = states.at(-1);
  const latestRoom = latest && (await rooms.get(latest.id));
  const facilitatorId = input.facilitator.id;
  if (latestRoom && findPerson(latestRoom.state, facilitatorId)?.role === 'facilitator')
    await latestRoom.submit(
      facilitatorId,
      { type: 'announceNextSession', sessionId: opened.sessionId },
      null,
    );
  return opened;
}

/** The link session as the start page and the panel receive it: the join secret stays inside its link. */
export function withoutJoinToken({
  joinToken: _secret,
  ...created
}: OpenedSession): CreateSessionResponse {
  return created;
}
