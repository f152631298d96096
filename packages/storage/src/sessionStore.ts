import type { SessionEvent, SessionState } from '@cercle/domain';

/**
 * How a credential was obtained; Zoom and Teams identities issue their own kinds. A `stage`
 * credential is a capability to read one session's shared screen: it names no person. A `file`
 * credential opens its person's files once, for a couple of minutes (a link a host opens elsewhere).
 */
export type CredentialKind = 'link' | 'zoom' | 'teams' | 'stage' | 'file';

export interface Credential {
  readonly tokenHash: string;
  readonly sessionId: string;
  readonly personId: string;
  readonly kind: CredentialKind;
  readonly createdAt: number;
  /** Null for a link credential, which lives as long as its session. */
  readonly expiresAt: number | null;
}

/** The participant link's secret as stored: its hash, and when it stops admitting newcomers. */
export interface JoinToken {
  readonly hash: string;
  /** Null for a secret that does not expire (sessions stored before secrets did). */
  readonly expiresAt: number | null;
}

export interface LogEntry {
  readonly event: SessionEvent;
  readonly actorId: string;
  readonly commandId: string | null;
  readonly at: number;
}

export interface StoredEvent {
  readonly seq: number;
  readonly event: SessionEvent;
  readonly commandId: string | null;
  readonly actorId: string;
}

export interface LoadedSession {
  readonly state: SessionState;
  /** Sequence number of the last event folded into `state`. */
  readonly seq: number;
}

export type AppendResult =
  | { readonly ok: true; readonly seq: number }
  | { readonly ok: false; readonly reason: 'conflict' | 'notFound'; readonly headSeq: number };

/** Where a session comes from when a host platform opened it. */
export type HostProvider = 'zoom' | 'teams';

export interface ExternalLink {
  readonly provider: HostProvider;
  /** The meeting's id on that platform. */
  readonly externalId: string;
}

export interface Identity {
  readonly provider: HostProvider;
  /** The person's stable id on that platform. */
  readonly subject: string;
  readonly personId: string;
}

export interface NewSession {
  readonly state: SessionState;
  readonly joinTokenHash: string;
  /** When the participant link stops letting newcomers in; absent or null, never. */
  readonly joinTokenExpiresAt?: number | null;
  /** The retention of the group when this session starts it; an existing group keeps its own. */
  readonly retentionDays?: number | null;
  readonly facilitatorCredential: Credential;
  /** Binds the session to a meeting, in the same transaction: a second one for it fails. */
  readonly link?: ExternalLink;
  readonly facilitatorIdentity?: Identity;
}

/** A session where a platform user has a person: what finds their groups again. */
export interface IdentitySession {
  readonly sessionId: string;
  readonly personId: string;
  readonly groupId: string;
  readonly groupName: string;
  readonly createdAt: number;
}

/**
 * An OAuth authorisation under way with a host platform, kept until the platform redirects the
 * browser back: once, within minutes.
 */
export interface PendingOAuth {
  /** SHA-256 of the `state` sent to the platform. */
  readonly stateHash: string;
  readonly provider: HostProvider;
  /** The PKCE code verifier, sealed by the caller. */
  readonly verifier: string;
  /** SHA-256 of the secret the starting browser keeps: the redirect must come back to it. */
  readonly browserHash: string;
  readonly expiresAt: number;
}

/** What a platform granted Cercle for one of its users. Tokens arrive sealed by the caller. */
export interface HostGrant {
  readonly provider: HostProvider;
  /** The user's stable id on that platform. */
  readonly subject: string;
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly scope: string;
  /** When the access token expires, milliseconds since the epoch. */
  readonly expiresAt: number;
  readonly updatedAt: number;
}

export interface Group {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  /** Days after the group's last session when its content is deleted; null keeps it. */
  readonly retentionDays: number | null;
}

/**
 * The durable home of sessions: an append-only event log per session with gap-free sequence
 * numbers, the latest snapshot, and credentials (hashes only). Async so that a networked
 * database can implement it with the same contract.
 */
export interface SessionStore {
  /** Creates a session; false when `link` names a meeting that already has one. */
  createSession(session: NewSession): Promise<boolean>;
  findLinkedSession(link: ExternalLink): Promise<string | null>;
  /**
   * Binds an existing session to a meeting as well (a group's planned session, taken on by the
   * meeting where it is held); false when that meeting already has a session, or the session is
   * unknown. A session may be bound to several meetings; a meeting names one session.
   */
  linkSession(sessionId: string, link: ExternalLink): Promise<boolean>;
  /**
   * Points `link` at `sessionId`, whichever session it named before: for what follows the latest
   * session (a recurring meeting's series), never for a meeting's own binding, which
   * `createSession` and `linkSession` make once.
   */
  moveLink(link: ExternalLink, sessionId: string): Promise<void>;
  /** The group of `state.groupId`, created with the session when it does not exist yet. */
  findGroup(groupId: string): Promise<Group | null>;
  /** The ids of a group's sessions, oldest first. */
  groupSessions(groupId: string): Promise<string[]>;
  setRetention(groupId: string, retentionDays: number | null): Promise<void>;
  /** Groups whose content expires, for the retention sweep. */
  groupsWithRetention(): Promise<Group[]>;
  /**
   * Replaces a session's whole log by `state` as its snapshot at `seq`, the head: the events that
   * held erased or expired content are deleted, not merely superseded. False on a moved head.
   * On SQLite nothing of them is left in the database file or its WAL when this resolves; on
   * PostgreSQL the space of deleted rows is reclaimed by VACUUM (docs/SECURITY.md).
   */
  compact(sessionId: string, seq: number, state: SessionState): Promise<boolean>;
  /** Bytes of event payloads a session's log holds (as stored); 0 for an unknown session. */
  logBytes(sessionId: string): Promise<number>;
  findIdentity(sessionId: string, provider: HostProvider, subject: string): Promise<string | null>;
  /** Records who a platform user is in a session; false if they already had a person. */
  linkIdentity(sessionId: string, identity: Identity): Promise<boolean>;
  /** The sessions where a platform user has a person, newest first, at most `limit`. */
  identitySessions(
    provider: HostProvider,
    subject: string,
    limit: number,
  ): Promise<IdentitySession[]>;
  /** Keeps an authorisation under way; those whose time has passed are dropped meanwhile. */
  savePendingOAuth(pending: PendingOAuth, now: number): Promise<void>;
  /** Removes and returns the authorisation of a state: once, and only before it expires. */
  takePendingOAuth(stateHash: string, now: number): Promise<PendingOAuth | null>;
  /** Records a user's grant, replacing the one they had. */
  saveHostGrant(grant: HostGrant): Promise<void>;
  findHostGrant(provider: HostProvider, subject: string): Promise<HostGrant | null>;
  /** The latest snapshot with every later event applied, or null for an unknown session. */
  load(sessionId: string): Promise<LoadedSession | null>;
  /**
   * Commits events atomically after `expectedSeq`; refuses with `conflict` when the log moved.
   * `snapshot`, when given, is the state after these events and is saved in the same transaction.
   */
  append(
    sessionId: string,
    expectedSeq: number,
    entries: readonly LogEntry[],
    snapshot?: SessionState,
  ): Promise<AppendResult>;
  /** Events after `afterSeq`, in order, at most `limit`. */
  eventsSince(sessionId: string, afterSeq: number, limit: number): Promise<StoredEvent[]>;
  /** The participant link's secret (its hash) and when it expires; null for an unknown session. */
  findJoinToken(sessionId: string): Promise<JoinToken | null>;
  /** Replaces the participant link's secret: the previous one stops working. False if unknown. */
  rotateJoinToken(sessionId: string, hash: string, expiresAt: number | null): Promise<boolean>;
  issueCredential(credential: Credential): Promise<void>;
  findCredential(tokenHash: string): Promise<Credential | null>;
  /** Deletes every credential of one person in one session (a removal); how many there were. */
  revokeCredentials(sessionId: string, personId: string): Promise<number>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /**
   * True when the database takes a real commit and gives it back, and (SQLite) its last integrity
   * check passed: what readiness needs. It writes one row of its own, read by nothing else.
   */
  probe(): Promise<boolean>;
  close(): Promise<void>;
}
