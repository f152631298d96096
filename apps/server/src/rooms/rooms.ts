import { isPublicEvent, withSharedStages } from '@cercle/domain';
import type { SessionStore, StoredEvent } from '@cercle/storage';
import type { CommitNotice, Fanout } from '../cluster/fanout.ts';
import { SOLO_FANOUT } from '../cluster/fanout.ts';
import { NO_PRESENCE_OWNERS, type PresenceOwners } from '../cluster/presenceOwners.ts';
import { clearStalePresence, markOrphanedOffline } from './presence.ts';
import { Room } from './room.ts';

/** How long an empty room stays in memory, in case its panels come straight back. */
export const ROOM_IDLE_EVICTION_MS = 60_000;
/** Inline events in a notice stay well under a broker's comfortable message size. */
const NOTICE_INLINE_MAX_BYTES = 8_000;

export interface RoomsOptions {
  /** How other instances hear of this one's commits; absent when it runs alone. */
  readonly fanout?: Fanout;
  readonly instanceId?: string;
  /** Whom this instance holds panels of, so others can mark them offline should it die. */
  readonly presenceOwners?: PresenceOwners;
  /** Counts notices sent. */
  readonly onCommitNotice?: () => void;
  /** Reports failures that have no caller to return to (catching up in the background). */
  readonly onError?: (error: unknown, sessionId: string) => void;
  /** Bytes a session's log holds before it is folded away (WRITE_VOLUME by default). */
  readonly logBytesBeforeCompaction?: number;
  /** How long a room with no panel stays loaded (ROOM_IDLE_EVICTION_MS by default). */
  readonly idleEvictionMs?: number;
}

/** The live rooms of this instance, loaded from the store on first use. */
export class Rooms {
  readonly #rooms = new Map<string, Promise<Room | null>>();
  readonly #evictions = new Map<string, NodeJS.Timeout>();
  readonly #fanout: Fanout;
  readonly #instanceId: string;
  readonly #onError: (error: unknown, sessionId: string) => void;
  readonly #onCommitNotice: () => void;
  readonly #logBytesBeforeCompaction: number | undefined;
  readonly #idleEvictionMs: number;
  readonly presenceOwners: PresenceOwners;

  constructor(
    private readonly store: SessionStore,
    private readonly now: () => number,
    options: RoomsOptions = {},
  ) {
    this.#fanout = options.fanout ?? SOLO_FANOUT;
    this.#instanceId = options.instanceId ?? 'solo';
    this.#onError = options.onError ?? (() => undefined);
    this.#onCommitNotice = options.onCommitNotice ?? (() => undefined);
    this.#logBytesBeforeCompaction = options.logBytesBeforeCompaction;
    this.#idleEvictionMs = options.idleEvictionMs ?? ROOM_IDLE_EVICTION_MS;
    this.presenceOwners = options.presenceOwners ?? NO_PRESENCE_OWNERS;
  }

  /** True when other instances may hold panels of the same sessions. */
  get isShared(): boolean {
    return this.#fanout !== SOLO_FANOUT;
  }

  get(sessionId: string): Promise<Room | null> {
    this.#cancelEviction(sessionId);
    let room = this.#rooms.get(sessionId);
    if (!room) {
      room = this.store.load(sessionId).then(async (loaded) => {
        if (!loaded) return null;
        // A thousand live sessions share their template's stages rather than hold a copy each.
        const state = withSharedStages(loaded.state);
        const fresh = new Room(
          sessionId,
          { ...loaded, state },
          this.store,
          this.now,
          (id, committed) => this.#announce(id, committed),
          {
            logBytes: await this.store.logBytes(sessionId),
            ...(this.#logBytesBeforeCompaction === undefined
              ? {}
              : { logBytesBeforeCompaction: this.#logBytesBeforeCompaction }),
          },
        );
        await fresh.rememberRecentCommands();
        if (this.isShared) {
          // Whatever another instance committed before the subscription took hold is read back.
          void this.#fanout
            .subscribe(sessionId)
            .then(() => fresh.catchUp())
            .catch((error: unknown) => this.#onError(error, sessionId));
        } else await clearStalePresence(fresh);
        return fresh;
      });
      this.#rooms.set(sessionId, room);
      // Unknown sessions are not cached, so one created later is found.
      room.then(
        (r) => {
          if (!r) this.#rooms.delete(sessionId);
        },
        () => this.#rooms.delete(sessionId),
      );
    }
    // Loaded for a request that opens no panel (a join, a page, a sweep), the room leaves memory
    // after the idle time like one whose panels all closed; a panel attached by then keeps it.
    room.then(
      (r) => {
        if (r && r.connectionCount === 0) this.scheduleEviction(r);
      },
      () => undefined,
    );
    return room;
  }

  #announce(sessionId: string, committed: readonly StoredEvent[]): void {
    if (!this.isShared || committed.length === 0) return;
    const first = committed[0];
    const last = committed[committed.length - 1];
    if (!first || !last) return;
    const inline = committed.map(({ seq, event, actorId, commandId }) => ({
      seq,
      event,
      actorId,
      commandId,
    }));
    // Private text is never put on the broker: listeners read it from the store.
    const isSmallAndPublic =
      committed.every(({ event }) => isPublicEvent(event)) &&
      JSON.stringify(inline).length <= NOTICE_INLINE_MAX_BYTES;
    const notice: CommitNotice = {
      sessionId,
      origin: this.#instanceId,
      firstSeq: first.seq,
      lastSeq: last.seq,
      events: isSmallAndPublic ? inline : null,
    };
    this.#fanout.publish(notice);
    this.#onCommitNotice();
  }

  /** Another instance committed: the room here, if any, follows. */
  hear(notice: CommitNotice): void {
    if (notice.origin === this.#instanceId) return;
    const pending = this.#rooms.get(notice.sessionId);
    if (!pending) return;
    void pending
      .then((room) => room?.catchUp(notice.events, notice.lastSeq))
      .catch((error: unknown) => this.#onError(error, notice.sessionId));
  }

  /** Someone held by an instance that died: offline here, the room let go again if idle. */
  async markOrphanedOffline(sessionId: string, personId: string): Promise<void> {
    const room = await this.get(sessionId);
    if (!room) return;
    // What the dead instance committed last is read first, so the decision sees it.
    await room.catchUp();
    await markOrphanedOffline(room, personId);
    if (room.connectionCount === 0) this.scheduleEviction(room);
  }

  /** Every live room reads what it may have missed, e.g. after the broker or database returns. */
  async catchUpAll(): Promise<void> {
    await Promise.all(
      [...this.#rooms.entries()].map(([sessionId, pending]) =>
        pending
          .then((room) => room?.catchUp())
          .catch((error: unknown) => this.#onError(error, sessionId)),
      ),
    );
  }

  /** Called when a room's last connection left, or it was loaded with none. */
  scheduleEviction(room: Room): void {
    this.#cancelEviction(room.sessionId);
    const timer = setTimeout(async () => {
      await room.idle();
      // Asked for again meanwhile (`get` cancels this timer): it is in use, not idle.
      if (this.#evictions.get(room.sessionId) !== timer) return;
      this.#evictions.delete(room.sessionId);
      if (room.connectionCount === 0) {
        this.#rooms.delete(room.sessionId);
        if (this.isShared)
          void this.#fanout
            .unsubscribe(room.sessionId)
            .catch((error: unknown) => this.#onError(error, room.sessionId));
      }
    }, this.#idleEvictionMs);
    timer.unref();
    this.#evictions.set(room.sessionId, timer);
  }

  #cancelEviction(sessionId: string): void {
    const timer = this.#evictions.get(sessionId);
    if (timer) clearTimeout(timer);
    this.#evictions.delete(sessionId);
  }

  get size(): number {
    return this.#rooms.size;
  }

  async closeAll(code: number, reason: string): Promise<void> {
    for (const timer of this.#evictions.values()) clearTimeout(timer);
    this.#evictions.clear();
    for (const pending of this.#rooms.values()) {
      const room = await pending.catch(() => null);
      if (room) {
        await room.idle();
        room.closeAll(code, reason);
      }
    }
  }
}
