import type { CommitNotice } from '@cercle/protocol/cluster';

export type { CommitNotice };

/** How instances hear about each other's commits. */
export interface Fanout {
  /** True when notices flow both ways; a single instance always is. */
  readonly isReady: () => boolean;
  /**
   * Tells the other instances. Public events may travel inline to save every listener a
   * database read; private text never does: listeners read it from the store, where it is
   * encrypted at rest, so it never crosses the broker in clear.
   */
  publish(notice: CommitNotice): void;
  /** Starts hearing notices for a session this instance holds panels of. */
  subscribe(sessionId: string): Promise<void>;
  unsubscribe(sessionId: string): Promise<void>;
  close(): Promise<void>;
}

export interface FanoutListener {
  /** A notice from another instance. */
  readonly onNotice: (notice: CommitNotice) => void;
  /** Notices may have been missed (the broker was unreachable): every room must catch up. */
  readonly onResync: () => void;
}

/** One instance alone hears its own commits directly: nothing to send. */
export const SOLO_FANOUT: Fanout = {
  isReady: () => true,
  publish: () => undefined,
  subscribe: async () => undefined,
  unsubscribe: async () => undefined,
  close: async () => undefined,
};
