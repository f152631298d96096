import { Redis } from 'ioredis';
import type { PresenceOwners } from './presenceOwners.ts';

/** Default time within which the people of a dead instance are offline (INSTANCE_TTL_MS). */
export const INSTANCE_TTL_MS = 15_000;

const INSTANCES_KEY = 'cercle:instances';
const aliveKey = (instanceId: string) => `cercle:instance:${instanceId}:alive`;
const ownedKey = (instanceId: string) => `cercle:instance:${instanceId}:presence`;
const reapingKey = (instanceId: string) => `cercle:instance:${instanceId}:reaping`;

const memberOf = (sessionId: string, personId: string) => JSON.stringify([sessionId, personId]);
function parseMember(member: string): { sessionId: string; personId: string } | null {
  try {
    const [sessionId, personId] = JSON.parse(member) as unknown[];
    return typeof sessionId === 'string' && typeof personId === 'string'
      ? { sessionId, personId }
      : null;
  } catch {
    return null;
  }
}

export interface RedisPresenceOwnersOptions {
  readonly url: string;
  readonly instanceId: string;
  /** Time within which the people of a dead instance are marked offline. */
  readonly ttlMs: number;
  /** People whose panels were on a dead instance and are held by no living one. */
  readonly onOrphaned: (sessionId: string, personId: string) => Promise<void>;
  readonly log: {
    warn(details: object, message: string): void;
    info(details: object, message: string): void;
  };
}

/**
 * Presence ownership in Redis. Each instance keeps a heartbeat key that expires unless renewed
 * and a set of the (session, person) pairs it holds panels of. Every instance checks the others'
 * heartbeats; the first to find one expired claims its set, marks offline whoever no living
 * instance holds, and deletes it. The key lives two thirds of the TTL and is renewed every quarter,
 * and the check runs every quarter too: an instance gone is noticed within the TTL, and one slow
 * beat is not taken for a death.
 */
export async function createRedisPresenceOwners(
  options: RedisPresenceOwnersOptions,
): Promise<PresenceOwners> {
  const { instanceId: me, log } = options;
  const leaseMs = Math.max(500, Math.round((options.ttlMs * 2) / 3));
  const beatMs = Math.max(100, Math.round(options.ttlMs / 4));
  const redis = new Redis(options.url, {
    connectionName: `cercle-${me}-presence`,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 2000),
  });
  let isClosing = false;
  redis.on('error', (error: Error) => {
    if (!isClosing) log.warn({ err: error.message }, 'redis unavailable for presence');
  });
  // The truth is here; Redis gets it again in full whenever the connection comes back.
  const owned = new Set<string>();
  const writeAll = async () => {
    const batch = redis.multi().del(ownedKey(me));
    if (owned.size > 0) batch.sadd(ownedKey(me), ...owned);
    await batch.exec();
  };
  let hasConnected = false;
  redis.on('ready', () => {
    if (hasConnected) void writeAll().catch(() => undefined);
    hasConnected = true;
  });

  const orphansOf = async (members: readonly string[], living: readonly string[]) => {
    if (members.length === 0 || living.length === 0) return [...members];
    const checks = redis.pipeline();
    for (const member of members) for (const id of living) checks.sismember(ownedKey(id), member);
    const answers = (await checks.exec()) ?? [];
    return members.filter((_, m) =>
      living.every((_, l) => answers[m * living.length + l]?.[1] !== 1),
    );
  };

  const release = async (members: readonly string[]) => {
    await Promise.all(
      members.map(async (member) => {
        const pair = parseMember(member);
        if (pair) await options.onOrphaned(pair.sessionId, pair.personId).catch(() => undefined);
      }),
    );
  };

  const reap = async (dead: string, living: readonly string[]) => {
    const claimed = await redis.set(reapingKey(dead), me, 'PX', leaseMs, 'NX');
    if (claimed !== 'OK') return;
    const members = await redis.smembers(ownedKey(dead));
    const orphans = await orphansOf(members, living);
    await release(orphans);
    await redis.multi().del(ownedKey(dead)).srem(INSTANCES_KEY, dead).exec();
    log.info(
      { instance: dead, people: orphans.length },
      'instance gone: its people marked offline',
    );
  };

  const beat = async () => {
    await redis.multi().set(aliveKey(me), '1', 'PX', leaseMs).sadd(INSTANCES_KEY, me).exec();
  };

  let isChecking = false;
  const check = async () => {
    if (isChecking || redis.status !== 'ready') return;
    isChecking = true;
    try {
      const others = (await redis.smembers(INSTANCES_KEY)).filter((id) => id !== me);
      if (others.length === 0) return;
      const probes = redis.pipeline();
      for (const id of others) probes.exists(aliveKey(id));
      const answers = (await probes.exec()) ?? [];
      const living = [me, ...others.filter((_, i) => answers[i]?.[1] === 1)];
      for (const [i, id] of others.entries()) if (answers[i]?.[1] === 0) await reap(id, living);
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not check the other instances');
    } finally {
      isChecking = false;
    }
  };

  await redis.connect().catch(() => undefined);
  if (redis.status === 'ready') {
    // A previous life of this instance (same id) may have died holding people: they are orphans.
    const previous = await redis.smembers(ownedKey(me));
    await redis.del(ownedKey(me));
    await beat();
    const others = (await redis.smembers(INSTANCES_KEY)).filter((id) => id !== me);
    // Not awaited: the rooms that mark them offline may not exist yet.
    void orphansOf(previous, others)
      .then(release)
      .catch(() => undefined);
  }
  const beats = setInterval(() => void beat().catch(() => undefined), beatMs);
  const checks = setInterval(() => void check(), beatMs);
  beats.unref();
  checks.unref();

  return {
    arrived(sessionId, personId) {
      const member = memberOf(sessionId, personId);
      owned.add(member);
      redis.sadd(ownedKey(me), member).catch(() => undefined);
    },
    left(sessionId, personId) {
      const member = memberOf(sessionId, personId);
      owned.delete(member);
      redis.srem(ownedKey(me), member).catch(() => undefined);
    },
    async close() {
      // The heartbeat is left to expire: panels moving to another instance have the TTL to do so.
      isClosing = true;
      clearInterval(beats);
      clearInterval(checks);
      await redis.quit().catch(() => undefined);
      redis.disconnect();
    },
  };
}
