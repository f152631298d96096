import { randomInt } from 'node:crypto';
import { applyAll, type SessionEvent, type SessionState, upgradeState } from '@cercle/domain';
import { and, asc, desc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import { DiskFailures, isSqliteDiskFailure } from '../diskFailures.ts';
import { type PayloadCodec, PLAIN_CODEC } from '../payloadCodec.ts';
import type {
  AppendResult,
  Credential,
  CredentialKind,
  ExternalLink,
  HostGrant,
  HostProvider,
  Identity,
  LoadedSession,
  LogEntry,
  NewSession,
  PendingOAuth,
  SessionStore,
  StoredEvent,
} from '../sessionStore.ts';
import { groupCommit } from './groupCommit.ts';
import { openSqlite, type SqliteOptions } from './openSqlite.ts';
import {
  credentials,
  events,
  groups,
  hostGrants,
  identities,
  pendingOAuth,
  sessionLinks,
  sessions,
  snapshots,
} from './schema.ts';

/** One process writes a SQLite file: one probe row. */
const PROBE_ROW_ID = 'sqlite';

/** SessionStore on SQLite. better-sqlite3 is synchronous: each call is one short transaction. */
export function createSqliteSessionStore(
  options: SqliteOptions & { codec?: PayloadCodec },
): SessionStore {
  const { db, raw, checkpointer, close } = openSqlite(options);
  const codec = options.codec ?? PLAIN_CODEC;

  const readEvents = (sessionId: string, afterSeq: number, limit: number) =>
    selectEventsSince.all({ sessionId, afterSeq, limit: Math.min(limit, 1_000_000_000) });

  // The append path runs on better-sqlite3's own statements, prepared once: drizzle's prepared
  // queries still rebuild parameters and map rows on every call, which showed in the profile under
  // load (see docs/PERFORMANCE.md). Table and column names are those of ./schema.ts; the store
  // contract suite runs over this path.
  const moveHead = raw.prepare<[number, string, number]>(
    'UPDATE sessions SET head_seq = ? WHERE id = ? AND head_seq = ?',
  );
  const selectHead = raw.prepare<[string], { head_seq: number }>(
    'SELECT head_seq FROM sessions WHERE id = ?',
  );
  const insertEvent = raw.prepare<[string, number, string, string, string | null, string, number]>(
    'INSERT INTO events (session_id, seq, type, actor_id, command_id, payload, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const upsertSnapshot = raw.prepare<[string, number, string]>(
    'INSERT INTO snapshots (session_id, seq, state) VALUES (?, ?, ?) ' +
      'ON CONFLICT (session_id) DO UPDATE SET seq = excluded.seq, state = excluded.state',
  );
  const sumLog = raw.prepare<[string], { bytes: number }>(
    'SELECT coalesce(sum(length(CAST(payload AS BLOB))), 0) AS bytes FROM events WHERE session_id = ?',
  );
  const writeProbe = raw.prepare<[string, number, number]>(
    'INSERT INTO probes (id, nonce, at) VALUES (?, ?, ?) ' +
      'ON CONFLICT (id) DO UPDATE SET nonce = excluded.nonce, at = excluded.at',
  );
  const readProbe = raw.prepare<[string], { nonce: number }>(
    'SELECT nonce FROM probes WHERE id = ?',
  );
  const placeholder = (name: string) => sql.placeholder(name);
  const selectEventsSince = db
    .select()
    .from(events)
    .where(
      and(eq(events.sessionId, placeholder('sessionId')), gt(events.seq, placeholder('afterSeq'))),
    )
    .orderBy(asc(events.seq))
    .limit(placeholder('limit'))
    .prepare();

  const appendTransaction = raw.transaction(
    (
      sessionId: string,
      expectedSeq: number,
      entries: readonly LogEntry[],
      snapshot?: SessionState,
    ): AppendResult => {
      // Moving the head only from where the caller saw it is the check and the claim at once.
      const lastSeq = expectedSeq + entries.length;
      if (moveHead.run(lastSeq, sessionId, expectedSeq).changes === 0) {
        const session = selectHead.get(sessionId);
        if (!session) return { ok: false, reason: 'notFound', headSeq: 0 };
        return { ok: false, reason: 'conflict', headSeq: session.head_seq };
      }
      let seq = expectedSeq;
      for (const entry of entries) {
        seq += 1;
        insertEvent.run(
          sessionId,
          seq,
          entry.event.type,
          entry.actorId,
          entry.commandId,
          codec.encode(JSON.stringify(entry.event)),
          entry.at,
        );
      }
      if (snapshot) upsertSnapshot.run(sessionId, seq, codec.encode(JSON.stringify(snapshot)));
      return { ok: true, seq };
    },
  );
  // One connection, so this reads the same inside and outside a transaction.
  const linkedSession = (link: ExternalLink): string | null =>
    db
      .select({ id: sessionLinks.sessionId })
      .from(sessionLinks)
      .where(
        and(eq(sessionLinks.provider, link.provider), eq(sessionLinks.externalId, link.externalId)),
      )
      .get()?.id ?? null;

  // Appends of one turn of the event loop share a commit (see ./groupCommit.ts).
  const appends = groupCommit(
    raw.transaction((work: () => void) => work()).immediate,
    appendTransaction,
  );

  const failures = new DiskFailures(isSqliteDiskFailure);
  const store: SessionStore = {
    async createSession({
      state,
      joinTokenHash,
      joinTokenExpiresAt,
      retentionDays,
      facilitatorCredential,
      link,
      facilitatorIdentity,
    }: NewSession) {
      return db.transaction((tx) => {
        if (link && linkedSession(link) !== null) return false;
        tx.insert(groups)
          .values({
            id: state.groupId,
            name: state.groupName,
            createdAt: state.createdAt,
            retentionDays: retentionDays ?? null,
          })
          .onConflictDoNothing()
          .run();
        tx.insert(sessions)
          .values({
            id: state.id,
            groupId: state.groupId,
            groupName: state.groupName,
            templateKey: state.templateKey,
            createdAt: state.createdAt,
            headSeq: 0,
            joinTokenHash,
            joinTokenExpiresAt: joinTokenExpiresAt ?? null,
          })
          .run();
        tx.insert(snapshots)
          .values({ sessionId: state.id, seq: 0, state: codec.encode(JSON.stringify(state)) })
          .run();
        tx.insert(credentials).values(facilitatorCredential).run();
        if (link)
          tx.insert(sessionLinks)
            .values({ ...link, sessionId: state.id })
            .run();
        if (facilitatorIdentity)
          tx.insert(identities)
            .values({ ...facilitatorIdentity, sessionId: state.id })
            .run();
        return true;
      });
    },

    async findLinkedSession(link: ExternalLink) {
      return linkedSession(link);
    },

    async linkSession(sessionId: string, link: ExternalLink) {
      return db.transaction((tx) => {
        const session = tx
          .select({ id: sessions.id })
          .from(sessions)
          .where(eq(sessions.id, sessionId))
          .get();
        if (!session) return false;
        const result = tx
          .insert(sessionLinks)
          .values({ ...link, sessionId })
          .onConflictDoNothing()
          .run();
        return result.changes > 0;
      });
    },

    async moveLink(link: ExternalLink, sessionId: string) {
      db.insert(sessionLinks)
        .values({ ...link, sessionId })
        .onConflictDoUpdate({
          target: [sessionLinks.provider, sessionLinks.externalId],
          set: { sessionId },
        })
        .run();
    },

    async findGroup(groupId) {
      return db.select().from(groups).where(eq(groups.id, groupId)).get() ?? null;
    },

    async groupSessions(groupId) {
      return db
        .select({ id: sessions.id })
        .from(sessions)
        .where(eq(sessions.groupId, groupId))
        .orderBy(asc(sessions.createdAt), asc(sessions.id))
        .all()
        .map((row) => row.id);
    },

    async setRetention(groupId, retentionDays) {
      db.update(groups).set({ retentionDays }).where(eq(groups.id, groupId)).run();
    },

    async groupsWithRetention() {
      return db.select().from(groups).where(isNotNull(groups.retentionDays)).all();
    },

    async compact(sessionId, seq, state) {
      const isCompacted = db.transaction((tx) => {
        const head = tx
          .select({ headSeq: sessions.headSeq })
          .from(sessions)
          .where(eq(sessions.id, sessionId))
          .get();
        if (head?.headSeq !== seq) return false;
        tx.update(snapshots)
          .set({ seq, state: codec.encode(JSON.stringify(state)) })
          .where(eq(snapshots.sessionId, sessionId))
          .run();
        tx.delete(events)
          .where(and(eq(events.sessionId, sessionId), lte(events.seq, seq)))
          .run();
        return true;
      });
      // secure_delete zeroed the deleted rows in fresh copies of their pages; the WAL still holds
      // the older copies until it is checkpointed whole and cut to zero bytes.
      if (isCompacted && checkpointer) await checkpointer.truncate();
      return isCompacted;
    },

    async logBytes(sessionId) {
      return sumLog.get(sessionId)?.bytes ?? 0;
    },

    async findIdentity(sessionId: string, provider: HostProvider, subject: string) {
      const row = db
        .select({ personId: identities.personId })
        .from(identities)
        .where(
          and(
            eq(identities.sessionId, sessionId),
            eq(identities.provider, provider),
            eq(identities.subject, subject),
          ),
        )
        .get();
      return row?.personId ?? null;
    },

    async linkIdentity(sessionId: string, identity: Identity) {
      const result = db
        .insert(identities)
        .values({ ...identity, sessionId })
        .onConflictDoNothing()
        .run();
      return result.changes > 0;
    },

    async identitySessions(provider, subject, limit) {
      return db
        .select({
          sessionId: sessions.id,
          personId: identities.personId,
          // Nullable only for rows older than groups, which 0002_groups filled.
          groupId: sql<string>`coalesce(${sessions.groupId}, ${sessions.id})`,
          groupName: sessions.groupName,
          createdAt: sessions.createdAt,
        })
        .from(identities)
        .innerJoin(sessions, eq(sessions.id, identities.sessionId))
        .where(and(eq(identities.provider, provider), eq(identities.subject, subject)))
        .orderBy(desc(sessions.createdAt), desc(sessions.id))
        .limit(limit)
        .all();
    },

    async savePendingOAuth(pending: PendingOAuth, now: number) {
      db.transaction((tx) => {
        tx.delete(pendingOAuth).where(lte(pendingOAuth.expiresAt, now)).run();
        tx.insert(pendingOAuth).values(pending).run();
      });
    },

    async takePendingOAuth(stateHash, now) {
      const row = db
        .delete(pendingOAuth)
        .where(eq(pendingOAuth.stateHash, stateHash))
        .returning()
        .get();
      return row && row.expiresAt > now ? { ...row, provider: row.provider as HostProvider } : null;
    },

    async saveHostGrant(grant: HostGrant) {
      const { provider, subject, ...rest } = grant;
      db.insert(hostGrants)
        .values(grant)
        .onConflictDoUpdate({ target: [hostGrants.provider, hostGrants.subject], set: rest })
        .run();
    },

    async findHostGrant(provider, subject) {
      const row = db
        .select()
        .from(hostGrants)
        .where(and(eq(hostGrants.provider, provider), eq(hostGrants.subject, subject)))
        .get();
      return row ? { ...row, provider: row.provider as HostProvider } : null;
    },

    async load(sessionId): Promise<LoadedSession | null> {
      const snapshot = db.select().from(snapshots).where(eq(snapshots.sessionId, sessionId)).get();
      if (!snapshot) return null;
      const tail = readEvents(sessionId, snapshot.seq, Number.MAX_SAFE_INTEGER);
      const state = applyAll(
        upgradeState(JSON.parse(codec.decode(snapshot.state)) as SessionState),
        tail.map((row) => JSON.parse(codec.decode(row.payload)) as SessionEvent),
      );
      return { state, seq: tail.at(-1)?.seq ?? snapshot.seq };
    },

    append(sessionId, expectedSeq, entries, snapshot) {
      return appends.run(sessionId, expectedSeq, entries, snapshot);
    },

    async eventsSince(sessionId, afterSeq, limit): Promise<StoredEvent[]> {
      return readEvents(sessionId, afterSeq, limit).map((row) => ({
        seq: row.seq,
        event: JSON.parse(codec.decode(row.payload)) as SessionEvent,
        commandId: row.commandId,
        actorId: row.actorId,
      }));
    },

    async findJoinToken(sessionId) {
      const row = db
        .select({ hash: sessions.joinTokenHash, expiresAt: sessions.joinTokenExpiresAt })
        .from(sessions)
        .where(eq(sessions.id, sessionId))
        .get();
      return row ?? null;
    },

    async rotateJoinToken(sessionId, hash, expiresAt) {
      const result = db
        .update(sessions)
        .set({ joinTokenHash: hash, joinTokenExpiresAt: expiresAt })
        .where(eq(sessions.id, sessionId))
        .run();
      return result.changes > 0;
    },

    async issueCredential(credential: Credential) {
      db.insert(credentials).values(credential).run();
    },

    async findCredential(tokenHash) {
      const row = db.select().from(credentials).where(eq(credentials.tokenHash, tokenHash)).get();
      return row ? { ...row, kind: row.kind as CredentialKind } : null;
    },

    async revokeCredentials(sessionId, personId) {
      return db
        .delete(credentials)
        .where(and(eq(credentials.sessionId, sessionId), eq(credentials.personId, personId)))
        .run().changes;
    },

    async ping() {
      try {
        return raw.prepare('select 1 as ok').get() !== undefined;
      } catch {
        return false;
      }
    },

    async probe() {
      if (!raw.open || failures.isRecent) return false;
      try {
        const nonce = randomInt(1, 2 ** 31);
        writeProbe.run(PROBE_ROW_ID, nonce, Date.now());
        if (readProbe.get(PROBE_ROW_ID)?.nonce !== nonce) return false;
        // A database in memory has no file to check.
        const problem = checkpointer ? await checkpointer.integrity() : null;
        return problem === null;
      } catch {
        return false;
      }
    },

    async close() {
      if (!raw.open) return;
      appends.flush();
      await close();
    },
  };
  return failures.watch(store);
}
