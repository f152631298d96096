import type { CommitNotice } from './fanout.ts';

/** A notice carries at most this many events inline (the protocol's limit). */
const INLINE_EVENTS_MAX = 64;

/**
 * Gathers the commit notices of one turn of the event loop and hands them over together at its
 * end: one message per session rather than one per commit, and one write to the broker for all.
 * Notices of one session that follow on are merged, their inline events kept when they all fit;
 * sessions keep the order of their first notice, and each session's notices stay in order.
 */
export class NoticeBatch {
  #queued: CommitNotice[] = [];
  /** Where each session's latest notice sits in the queue. */
  readonly #bySession = new Map<string, number>();
  #isScheduled = false;

  constructor(private readonly sendAll: (notices: readonly CommitNotice[]) => void) {}

  add(notice: CommitNotice): void {
    const at = this.#bySession.get(notice.sessionId);
    const earlier = at === undefined ? undefined : this.#queued[at];
    if (at !== undefined && earlier && earlier.lastSeq + 1 === notice.firstSeq) {
      const events =
        earlier.events &&
        notice.events &&
        earlier.events.length + notice.events.length <= INLINE_EVENTS_MAX
          ? [...earlier.events, ...notice.events]
          : null;
      this.#queued[at] = { ...earlier, lastSeq: notice.lastSeq, events };
    } else {
      this.#bySession.set(notice.sessionId, this.#queued.push(notice) - 1);
    }
    if (!this.#isScheduled) {
      this.#isScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Hands over what is queued now, e.g. before closing. */
  flush(): void {
    this.#isScheduled = false;
    const notices = this.#queued;
    if (notices.length === 0) return;
    this.#queued = [];
    this.#bySession.clear();
    this.sendAll(notices);
  }
}
