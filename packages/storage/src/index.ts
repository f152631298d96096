export {
  createAesCodec,
  type DataKey,
  type PayloadCodec,
  PLAIN_CODEC,
  parseDataKeys,
} from './payloadCodec.ts';
export {
  openPostgres,
  POSTGRES_MIGRATIONS_DIR,
  type PostgresOptions,
} from './postgres/openPostgres.ts';
export { createPostgresSessionStore } from './postgres/postgresSessionStore.ts';
export type {
  AppendResult,
  Credential,
  CredentialKind,
  ExternalLink,
  Group,
  HostGrant,
  HostProvider,
  Identity,
  IdentitySession,
  JoinToken,
  LoadedSession,
  LogEntry,
  NewSession,
  PendingOAuth,
  SessionStore,
  StoredEvent,
} from './sessionStore.ts';
export {
  openSqlite,
  SQLITE_MIGRATIONS_DIR,
  type SqliteOptions,
  type SqliteSynchronous,
} from './sqlite/openSqlite.ts';
export { createSqliteSessionStore } from './sqlite/sqliteSessionStore.ts';
