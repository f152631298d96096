/**
 * Which instance holds whose panels, so that when an instance dies without a word its people can
 * be marked offline by the others (a crashed instance cannot say goodbye for them).
 */
export interface PresenceOwners {
  /** A person's first panel on this instance, in this session. */
  arrived(sessionId: string, personId: string): void;
  /** Their last panel here left. */
  left(sessionId: string, personId: string): void;
  close(): Promise<void>;
}

/** Alone, an instance clears stale presence when it loads a room (rooms/presence.ts). */
export const NO_PRESENCE_OWNERS: PresenceOwners = {
  arrived: () => undefined,
  left: () => undefined,
  close: async () => undefined,
};
