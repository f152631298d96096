import { randomInt, randomUUID } from 'node:crypto';
import { applyAll, type SessionEvent, type SessionState, upgradeState } from '@cercle/domain';
import { and, asc, desc, eq, gt, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { DiskFailures, isPostgresDiskFailure } from '../diskFailures.ts';
import { type PayloadCodec, PLAIN_CODEC } from '../payloadCodec.ts';
import type {
  AppendResult,
  CredentialKind,
  HostProvider,
  LoadedSession,
  SessionStore,
  StoredEvent,
} from '../sessionStore.ts';
import { connectionConfig, openPostgres, type PostgresOptions } from './openPostgres.ts';
import { createPipelinedAppends } from './pipelinedAppends.ts';
import {
  credentials,
  events,
  groups,
  hostGrants,
  identities,
  pendingOAuth,
  probes,
  sessionLinks,
  sessions,
  snapshots,
} from './schema.ts';

/** How long the probe row of an instance that stopped is kept. */
const PROBE_ROW_KEPT_MS = 86_400_000;

/** Thrown inside a transaction to roll it back with an answer rather than an error. */
class Refusal {
  constructor(readonly result: AppendResult | false) {}
}

/**
 * SessionStore on PostgreSQL, shared by several server instances. An append moves its session's
 * head only from where the caller saw it (./pipelinedAppends.ts), so two instances committing to
 * one session at once are serialised: the second sees the head moved and gets `conflict`. The
 * (session_id, seq) key backs this up: never a fork.
 */
export async function createPostgresSessionStore(
  options: PostgresOptions & { codec?: PayloadCodec },
): Promise<SessionStore> {
  const { db, pool } = await openPostgres(options);
  const codec = options.codec ?? PLAIN_CODEC;
  // Appends of one turn of the event loop share a transaction and a round trip.
  const appends = createPipelinedAppends({ ...connectionConfig(options), codec });
  let isClosed = false;
  // Several instances probe one database: each overwrites a row of its own.
  const probeId = randomUUID();

  const readEvents = (sessionId: string, afterSeq: number, limit: number) =>
    db
      .select()
      .from(events)
      .where(and(eq(events.sessionId, sessionId), gt(events.seq, afterSeq)))
      .orderBy(asc(events.seq))
      .limit(Math.min(limit, 1_000_000_000));

  const decodeEvent = (payload: string) => JSON.parse(codec.decode(payload)) as SessionEvent;

  const failures = new DiskFailures(isPostgresDiskFailure);
  const store: SessionStore = {
    async createSession({
      state,
      joinTokenHash,
      joinTokenExpiresAt,
      retentionDays,
      facilitatorCredential,
      link,
      facilitatorIdentity,
    }) {
      try {
        return await db.transaction(async (tx) => {
          await tx
            .insert(groups)
            .values({
              id: state.groupId,
              name: state.groupName,
              createdAt: state.createdAt,
              retentionDays: retentionDays ?? null,
            })
            .onConflictDoNothing();
          await tx.insert(sessions).values({
            id: state.id,
            groupId: state.groupId,
            groupName: state.groupName,
            templateKey: state.templateKey,
            createdAt: state.createdAt,
            headSeq: 0,
            joinTokenHash,
            joinTokenExpiresAt: joinTokenExpiresAt ?? null,
          });
          if (link) {
            // Two hosts opening one meeting at once: the second waits on the key, then finds it taken.
            const linked = await tx
              .insert(sessionLinks)
              .values({ ...link, sessionId: state.id })
              .onConflictDoNothing()
              .returning({ id: sessionLinks.sessionId });
            if (linked.length === 0) throw new Refusal(false);
          }
          await tx
            .insert(snapshots)
            .values({ sessionId: state.id, seq: 0, state: codec.encode(JSON.stringify(state)) });
          await tx.insert(credentials).values(facilitatorCredential);
          if (facilitatorIdentity)
            await tx.insert(identities).values({ ...facilitatorIdentity, sessionId: state.id });
          return true;
        });
      } catch (error) {
        if (error instanceof Refusal) return false;
        throw error;
      }
    },

    async findLinkedSession(link) {
      const [row] = await db
        .select({ id: sessionLinks.sessionId })
        .from(sessionLinks)
        .where(
          and(
            eq(sessionLinks.provider, link.provider),
            eq(sessionLinks.externalId, link.externalId),
          ),
        );
      return row?.id ?? null;
    },

    async linkSession(sessionId, link) {
      return db.transaction(async (tx) => {
        const [session] = await tx
          .select({ id: sessions.id })
          .from(sessions)
          .where(eq(sessions.id, sessionId));
        if (!session) return false;
        // Two hosts binding one meeting at once: the second waits on the key, then finds it taken.
        const linked = await tx
          .insert(sessionLinks)
          .values({ ...link, sessionId })
          .onConflictDoNothing()
          .returning({ id: sessionLinks.sessionId });
        return linked.length > 0;
      });
    },

    async moveLink(link, sessionId) {
      await db
        .insert(sessionLinks)
        .values({ ...link, sessionId })
        .onConflictDoUpdate({
          target: [sessionLinks.provider, sessionLinks.externalId],
          set: { sessionId },
        });
    },

    async findGroup(groupId) {
      const [row] = await db.select().from(groups).where(eq(groups.id, groupId));
      return row ?? null;
    },

    async groupSessions(groupId) {
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(eq(sessions.groupId, groupId))
        .orderBy(asc(sessions.createdAt), asc(sessions.id));
      return rows.map((row) => row.id);
    },

    async setRetention(groupId, retentionDays) {
      await db.update(groups).set({ retentionDays }).where(eq(groups.id, groupId));
    },

    async groupsWithRetention() {
      return db.select().from(groups).where(isNotNull(groups.retentionDays));
    },

    async compact(sessionId, seq, state) {
      return db.transaction(async (tx) => {
        const [head] = await tx
          .select({ headSeq: sessions.headSeq })
          .from(sessions)
          .where(eq(sessions.id, sessionId))
          .for('update');
        if (head?.headSeq !== seq) return false;
        await tx
          .update(snapshots)
          .set({ seq, state: codec.encode(JSON.stringify(state)) })
          .where(eq(snapshots.sessionId, sessionId));
        await tx.delete(events).where(and(eq(events.sessionId, sessionId), lte(events.seq, seq)));
        return true;
      });
    },

    async logBytes(sessionId) {
      const [row] = await db
        .select({
          bytes: sql<number>`coalesce(sum(octet_length(${events.payload})), 0)`.mapWith(Number),
        })
        .from(events)
        .where(eq(events.sessionId, sessionId));
      return row?.bytes ?? 0;
    },

    async findIdentity(sessionId, provider, subject) {
      const [row] = await db
        .select({ personId: identities.personId })
        .from(identities)
        .where(
          and(
            eq(identities.sessionId, sessionId),
            eq(identities.provider, provider),
            eq(identities.subject, subject),
          ),
        );
      return row?.personId ?? null;
    },

    async linkIdentity(sessionId, identity) {
      const inserted = await db
        .insert(identities)
        .values({ ...identity, sessionId })
        .onConflictDoNothing()
        .returning({ personId: identities.personId });
      return inserted.length > 0;
    },

    async identitySessions(provider, subject, limit) {
      return db
        .select({
          sessionId: sessions.id,
          personId: identities.personId,
          groupId: sql<string>`coalesce(${sessions.groupId}, ${sessions.id})`,
          groupName: sessions.groupName,
          createdAt: sessions.createdAt,
        })
        .from(identities)
        .innerJoin(sessions, eq(sessions.id, identities.sessionId))
        .where(and(eq(identities.provider, provider), eq(identities.subject, subject)))
        .orderBy(desc(sessions.createdAt), desc(sessions.id))
        .limit(limit);
    },

    async savePendingOAuth(pending, now) {
      await db.transaction(async (tx) => {
        await tx.delete(pendingOAuth).where(lte(pendingOAuth.expiresAt, now));
        await tx.insert(pendingOAuth).values(pending);
      });
    },

    async takePendingOAuth(stateHash, now) {
      // Deleting is the claim: of two requests with one state, only one gets the row back.
      const [row] = await db
        .delete(pendingOAuth)
        .where(eq(pendingOAuth.stateHash, stateHash))
        .returning();
      return row && row.expiresAt > now ? { ...row, provider: row.provider as HostProvider } : null;
    },

    async saveHostGrant(grant) {
      const { provider, subject, ...rest } = grant;
      await db
        .insert(hostGrants)
        .values(grant)
        .onConflictDoUpdate({ target: [hostGrants.provider, hostGrants.subject], set: rest });
    },

    async findHostGrant(provider, subject) {
      const [row] = await db
        .select()
        .from(hostGrants)
        .where(and(eq(hostGrants.provider, provider), eq(hostGrants.subject, subject)));
      return row ? { ...row, provider: row.provider as HostProvider } : null;
    },

    async load(sessionId): Promise<LoadedSession | null> {
      // One snapshot of the database for both reads, so a commit in between cannot split them.
      return db.transaction(
        async (tx) => {
          const [snapshot] = await tx
            .select()
            .from(snapshots)
            .where(eq(snapshots.sessionId, sessionId));
          if (!snapshot) return null;
          const tail = await tx
            .select()
            .from(events)
            .where(and(eq(events.sessionId, sessionId), gt(events.seq, snapshot.seq)))
            .orderBy(asc(events.seq));
          const state = applyAll(
            upgradeState(JSON.parse(codec.decode(snapshot.state)) as SessionState),
            tail.map((row) => decodeEvent(row.payload)),
          );
          return { state, seq: tail.at(-1)?.seq ?? snapshot.seq };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    },

    append: (sessionId, expectedSeq, entries, snapshot) =>
      appends.append(sessionId, expectedSeq, entries, snapshot),

    async eventsSince(sessionId, afterSeq, limit): Promise<StoredEvent[]> {
      const rows = await readEvents(sessionId, afterSeq, limit);
      return rows.map((row) => ({
        seq: row.seq,
        event: decodeEvent(row.payload),
        commandId: row.commandId,
        actorId: row.actorId,
      }));
    },

    async findJoinToken(sessionId) {
      const [row] = await db
        .select({ hash: sessions.joinTokenHash, expiresAt: sessions.joinTokenExpiresAt })
        .from(sessions)
        .where(eq(sessions.id, sessionId));
      return row ?? null;
    },

    async rotateJoinToken(sessionId, hash, expiresAt) {
      const updated = await db
        .update(sessions)
        .set({ joinTokenHash: hash, joinTokenExpiresAt: expiresAt })
        .where(eq(sessions.id, sessionId))
        .returning({ id: sessions.id });
      return updated.length > 0;
    },

    async issueCredential(credential) {
      await db.insert(credentials).values(credential);
    },

    async findCredential(tokenHash) {
      const [row] = await db.select().from(credentials).where(eq(credentials.tokenHash, tokenHash));
      return row ? { ...row, kind: row.kind as CredentialKind } : null;
    },

    async revokeCredentials(sessionId, personId) {
      const revoked = await db
        .delete(credentials)
        .where(and(eq(credentials.sessionId, sessionId), eq(credentials.personId, personId)))
        .returning({ tokenHash: credentials.tokenHash });
      return revoked.length;
    },

    async ping() {
      if (isClosed) return false;
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },

    async probe() {
      if (isClosed || failures.isRecent) return false;
      try {
        const nonce = randomInt(1, 2 ** 31);
        const at = Date.now();
        await db
          .insert(probes)
          .values({ id: probeId, nonce, at })
          .onConflictDoUpdate({ target: probes.id, set: { nonce, at } });
        const [row] = await db
          .select({ nonce: probes.nonce })
          .from(probes)
          .where(eq(probes.id, probeId));
        if (row?.nonce !== nonce) return false;
        // Rows of instances that stopped probing a day ago.
        await db.delete(probes).where(lt(probes.at, at - PROBE_ROW_KEPT_MS));
        return true;
      } catch {
        return false;
      }
    },

    async close() {
      if (isClosed) return;
      isClosed = true;
      await appends.close();
      await pool.end();
    },
  };
  return failures.watch(store);
}
