import type { SessionStore } from '@cercle/storage';
import { Room } from './room.ts';

/** How long an empty room stays in memory, in case its panels come straight back. */
export const ROOM_IDLE_EVICTION_MS = 60_000;

/** The live rooms of this instance, loaded from the store on first use. */
export class Rooms {
  readonly #rooms = new Map<string, Promise<Room | null>>();
  readonly #evictions = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: SessionStore,
    private readonly now: () => number,
  ) {}

  get(sessionId: string): Promise<Room | null> {
    this.#cancelEviction(sessionId);
    let room = this.#rooms.get(sessionId);
    if (!room) {
      room = this.store.load(sessionId).then(async (loaded) => {
        if (!loaded) return null;
        const fresh = new Room(sessionId, loaded, this.store, this.now);
        await fresh.rememberRecentCommands();
        // Nobody is connected to a room just loaded: presence left over from a crash is stale.
        for (const person of loaded.state.people)
          if (person.presence === 'online')
            await fresh.submit(person.id, { type: 'setPresence', presence: 'offline' }, null);
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
    return room;
  }

  /** Called when a room's last connection left. */
  scheduleEviction(room: Room): void {
    this.#cancelEviction(room.sessionId);
    const timer = setTimeout(async () => {
      this.#evictions.delete(room.sessionId);
      await room.idle();
      if (room.connectionCount === 0) this.#rooms.delete(room.sessionId);
    }, ROOM_IDLE_EVICTION_MS);
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
