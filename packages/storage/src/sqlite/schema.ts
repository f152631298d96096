import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A Codev group: its members keep their person id from one session of its cycle to the next. */
export const groups = sqliteTable('groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
  /** Days after the group's last session when its content is deleted; null keeps it. */
  retentionDays: integer('retention_days'),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** Null only in rows written before groups existed; the migration fills it. */
    groupId: text('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    groupName: text('group_name').notNull(),
    templateKey: text('template_key').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Sequence number of the last committed event; 0 before any. */
    headSeq: integer('head_seq').notNull().default(0),
    /** SHA-256 of the shared participant link's secret. */
    joinTokenHash: text('join_token_hash').notNull(),
    /** When that secret stops admitting newcomers; null never (0005_join_token_expiry fills it). */
    joinTokenExpiresAt: integer('join_token_expires_at'),
  },
  (table) => [index('sessions_group').on(table.groupId, table.createdAt)],
);

export const events = sqliteTable(
  'events',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id').notNull(),
    commandId: text('command_id'),
    payload: text('payload').notNull(),
    at: integer('at').notNull(),
  },
  // The key makes sequence numbers unique per session: a concurrent writer loses, never forks.
  (table) => [primaryKey({ columns: [table.sessionId, table.seq] })],
);

export const snapshots = sqliteTable('snapshots', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  state: text('state').notNull(),
});

export const credentials = sqliteTable(
  'credentials',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    kind: text('kind').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at'),
  },
  (table) => [index('credentials_session').on(table.sessionId)],
);

/** A session bound to something outside Cercle: a Zoom meeting, a Teams meeting. */
export const sessionLinks = sqliteTable(
  'session_links',
  {
    provider: text('provider').notNull(),
    externalId: text('external_id').notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
  },
  // One session per meeting: two hosts opening at once cannot create two.
  (table) => [primaryKey({ columns: [table.provider, table.externalId] })],
);

/** A person of a session known to a host platform by a stable id (Zoom user id, Entra object id). */
export const identities = sqliteTable(
  'identities',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    personId: text('person_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.sessionId, table.provider, table.subject] }),
    // Finds a platform user's sessions across groups (the Zoom main client's page).
    index('identities_subject').on(table.provider, table.subject),
  ],
);

/** An OAuth authorisation under way: the platform redirects back with its state once, soon. */
export const pendingOAuth = sqliteTable(
  'pending_oauth',
  {
    stateHash: text('state_hash').primaryKey(),
    provider: text('provider').notNull(),
    /** The PKCE verifier, sealed by the server. */
    verifier: text('verifier').notNull(),
    browserHash: text('browser_hash').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (table) => [index('pending_oauth_expiry').on(table.expiresAt)],
);

/** What a host platform granted Cercle for one of its users; the tokens are sealed. */
export const hostGrants = sqliteTable(
  'host_grants',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    accessToken: text('access_token').notNull(),
    refreshToken: text('refresh_token'),
    scope: text('scope').notNull(),
    expiresAt: integer('expires_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.subject] })],
);

/**
 * What the readiness probe writes and reads back: a real commit (a full or read-only disk fails
 * it) in a table no session reads. One row per store, overwritten.
 */
export const probes = sqliteTable('probes', {
  id: text('id').primaryKey(),
  nonce: integer('nonce').notNull(),
  at: integer('at').notNull(),
});
