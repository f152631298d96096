import {
  apply,
  type Command,
  decide,
  isPublicEvent,
  type Rejection,
  type SessionEvent,
  type SessionState,
  viewFor,
  visibleEvent,
  withSharedStages,
} from '@cercle/domain';
import {
  CloseCode,
  ErrorCode,
  type ErrorMessage,
  type EventMessage,
  PROTOCOL_VERSION,
  type SequencedEvent,
  type Welcome,
} from '@cercle/protocol';
import type { LogEntry, SessionStore, StoredEvent } from '@cercle/storage';
import type { Connection } from './connection.ts';
import { WRITE_VOLUME } from './writeVolume.ts';

/** A snapshot every so many events keeps restarts from replaying whole sessions. */
export const SNAPSHOT_INTERVAL_EVENTS = 50;
/** Beyond this many missed events a reconnecting panel gets a fresh snapshot instead. */
export const RESUME_MAX_EVENTS = 500;
/**
 * Appends lost to another instance are retried on fresh state, for this long at most: on a starved
 * machine two instances busy with one session can lose to each other many times in a row, so the
 * limit is a time, not a count. From the third try, a random pause that doubles each time (to
 * 250 ms) lets one of them win.
 */
const APPEND_RETRY_MS = 10_000;
const backoff = (attempt: number) =>
  attempt < 3
    ? undefined
    : new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 2 ** attempt)));
/** Command ids remembered per room, so a panel that sends a command again is not obeyed twice. */
export const RECENT_COMMANDS_KEPT = 2000;
/** Events read per query when catching up with another instance's commits. */
const CATCH_UP_PAGE = 500;

/** How many panels a room takes, in all and per person. */
export interface AttachCaps {
  readonly perSession: number;
  readonly perPerson: number;
}

const NO_CAPS: AttachCaps = {
  perSession: Number.POSITIVE_INFINITY,
  perPerson: Number.POSITIVE_INFINITY,
};

export type AttachOutcome = 'attached' | 'sessionFull' | 'personFull';

export interface RoomOptions {
  /** Bytes the session's log held when the room was loaded (`store.logBytes`). */
  readonly logBytes?: number;
  /** Beyond this the log is folded into the snapshot (WRITE_VOLUME.logBytesBeforeCompaction). */
  readonly logBytesBeforeCompaction?: number;
}

/** Bytes an event takes in the log, as stored without encryption. */
const eventBytes = (event: SessionEvent) => Buffer.byteLength(JSON.stringify(event), 'utf8');

/** Told of every commit this room makes, e.g. to let other instances know. */
export type CommitListener = (sessionId: string, committed: readonly StoredEvent[]) => void;

export type Outcome =
  | {
      readonly ok: true;
      readonly seq: number;
      readonly events: readonly SessionEvent[];
      /** The command had already been applied, at `seq`: nothing was done again. */
      readonly isDuplicate: boolean;
    }
  | { readonly ok: false; readonly reason: Rejection };

/**
 * One live session in memory: its state, its connections, and a queue that runs its commands
 * one at a time so that every event is committed before anyone hears of it.
 */
export class Room {
  #state: SessionState;
  #seq: number;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #connections = new Set<Connection>();
  readonly #recentCommands = new Map<string, number>();
  /** What the log holds since it was last folded away: every version of every text. */
  #logBytes: number;
  readonly #logBytesBeforeCompaction: number;

  constructor(
    readonly sessionId: string,
    loaded: { state: SessionState; seq: number },
    private readonly store: SessionStore,
    private readonly now: () => number,
    private readonly onCommit: CommitListener = () => undefined,
    options: RoomOptions = {},
  ) {
    this.#state = loaded.state;
    this.#seq = loaded.seq;
    this.#logBytes = options.logBytes ?? 0;
    this.#logBytesBeforeCompaction =
      options.logBytesBeforeCompaction ?? WRITE_VOLUME.logBytesBeforeCompaction;
  }

  get state(): SessionState {
    return this.#state;
  }

  get seq(): number {
    return this.#seq;
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  isConnected(personId: string): boolean {
    return this.connectionsOf(personId) > 0;
  }

  /** How many panels this person has attached here. */
  connectionsOf(personId: string): number {
    let count = 0;
    for (const connection of this.#connections) if (connection.personId === personId) count += 1;
    return count;
  }

  /** Runs `task` after every task queued before it. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Decides, commits, applies and broadcasts one command. */
  submit(actorId: string, command: Command, commandId: string | null): Promise<Outcome> {
    return this.#enqueue(async () => {
      const key = commandId === null ? null : `${actorId}:${commandId}`;
      const done = key === null ? undefined : this.#recentCommands.get(key);
      if (done !== undefined) return { ok: true, seq: done, events: [], isDuplicate: true };
      // Real elapsed time, not the session's clock (which tests may hold still).
      const firstTry = performance.now();
      for (let attempt = 1; ; attempt++) {
        const at = this.now();
        const decision = decide(this.#state, command, actorId, at);
        if (!decision.ok) return decision;
        await this.#revokeRemoved(decision.events);
        const entries: LogEntry[] = decision.events.map((event) => ({
          event,
          actorId,
          commandId,
          at,
        }));
        const next = decision.events.reduce(apply, this.#state);
        const nextSeq = this.#seq + entries.length;
        const crossesSnapshot =
          Math.floor(nextSeq / SNAPSHOT_INTERVAL_EVENTS) >
          Math.floor(this.#seq / SNAPSHOT_INTERVAL_EVENTS);
        const result = await this.store.append(
          this.sessionId,
          this.#seq,
          entries,
          crossesSnapshot ? next : undefined,
        );
        if (result.ok) {
          const firstSeq = this.#seq + 1;
          this.#state = next;
          this.#seq = result.seq;
          if (key !== null) this.#remember(key, result.seq);
          decision.events.forEach((event, i) => {
            this.#broadcast(firstSeq + i, event, commandId);
          });
          this.onCommit(
            this.sessionId,
            decision.events.map((event, i) => ({ seq: firstSeq + i, event, commandId, actorId })),
          );
          for (const event of decision.events) this.#logBytes += eventBytes(event);
          // Erased text must leave the disk too, not only the views: the log is folded away.
          if (decision.events.some((event) => event.type === 'contentErased'))
            await this.#compact();
          // Every saved version of a text stays in the log: past a size, it is folded away too.
          else if (this.#logBytes > this.#logBytesBeforeCompaction)
            // A failure here loses nothing: the log stays as it was, and the next commit retries.
            await this.#compact().catch(() => undefined);
          return { ok: true, seq: result.seq, events: decision.events, isDuplicate: false };
        }
        if (result.reason === 'notFound' || performance.now() - firstTry > APPEND_RETRY_MS)
          throw new Error(`append to ${this.sessionId} failed: ${result.reason}`);
        // Another instance moved the log: take its events, tell our panels, decide again.
        await backoff(attempt);
        await this.#catchUp(null, result.headSeq);
      }
    });
  }

  /**
   * Replaces the log by the current state as its snapshot. Panels resuming from before it get a
   * fresh view (`#welcome`); other instances' rooms find the gap and reload (`#reload`).
   */
  async #compact(): Promise<void> {
    if (await this.store.compact(this.sessionId, this.#seq, this.#state)) this.#logBytes = 0;
  }

  /**
   * Folds in events another instance committed, in order, and passes them on to this room's
   * panels. `inline` are the events as announced (used when they follow on exactly), otherwise
   * they are read from the store; `headSeq` is where the log is known to have reached.
   */
  catchUp(inline: readonly StoredEvent[] | null = null, headSeq = 0): Promise<void> {
    return this.#enqueue(() => this.#catchUp(inline, headSeq));
  }

  async #catchUp(inline: readonly StoredEvent[] | null, headSeq: number): Promise<void> {
    if (headSeq > 0 && headSeq <= this.#seq) return;
    if (inline && inline[0]?.seq === this.#seq + 1) {
      this.#fold(inline);
      return;
    }
    for (;;) {
      const page = await this.store.eventsSince(this.sessionId, this.#seq, CATCH_UP_PAGE);
      if (page.some((stored, i) => stored.seq !== this.#seq + 1 + i)) break;
      this.#fold(page);
      if (page.length < CATCH_UP_PAGE) break;
    }
    if (headSeq > this.#seq) await this.#reload();
  }

  #fold(events: readonly StoredEvent[]): void {
    for (const { seq, event, commandId, actorId } of events) {
      this.#state = apply(this.#state, event);
      this.#seq = seq;
      this.#logBytes += eventBytes(event);
      if (commandId) this.#remember(`${actorId}:${commandId}`, seq);
      this.#broadcast(seq, event, commandId);
    }
  }

  /**
   * The log no longer holds the events in between (it was compacted after an erasure): start
   * from the store's state and let the panels reconnect, which greets them with a fresh view.
   */
  async #reload(): Promise<void> {
    const loaded = await this.store.load(this.sessionId);
    if (!loaded) throw new Error(`session ${this.sessionId} vanished`);
    this.#state = withSharedStages(loaded.state);
    this.#seq = loaded.seq;
    this.#logBytes = await this.store.logBytes(this.sessionId);
    for (const connection of this.#connections)
      connection.close(CloseCode.serviceRestart, 'session reloaded');
    this.#connections.clear();
  }

  #remember(key: string, seq: number): void {
    this.#recentCommands.set(key, seq);
    if (this.#recentCommands.size > RECENT_COMMANDS_KEPT) {
      const oldest = this.#recentCommands.keys().next().value;
      if (oldest !== undefined) this.#recentCommands.delete(oldest);
    }
  }

  /** Learns the command ids of the log's tail, so resends after a restart are recognised too. */
  async rememberRecentCommands(): Promise<void> {
    const from = Math.max(0, this.#seq - RECENT_COMMANDS_KEPT);
    const stored = await this.store.eventsSince(this.sessionId, from, RECENT_COMMANDS_KEPT);
    for (const { seq, commandId, actorId } of stored)
      if (commandId) this.#remember(`${actorId}:${commandId}`, seq);
  }

  /** Tells one connection again about an event it may have missed the acknowledgement of. */
  async replayTo(connection: Connection, seq: number): Promise<void> {
    const [stored] = await this.store.eventsSince(this.sessionId, seq - 1, 1);
    // Folded away since: the panel's resume from its last sequence brings it up to date.
    if (stored?.seq !== seq) return;
    connection.send(
      JSON.stringify({
        type: 'event',
        seq: stored.seq,
        event: visibleEvent(stored.event, connection.personId, this.#state),
        commandId: stored.commandId,
        serverNow: this.now(),
      } satisfies EventMessage),
    );
  }

  /**
   * A person the facilitator removes loses their credentials before the removal is committed: if
   * the commit then fails they sign in again, but a committed removal never leaves a working seat.
   */
  async #revokeRemoved(events: readonly SessionEvent[]): Promise<void> {
    for (const event of events)
      if (event.type === 'personRemoved')
        await this.store.revokeCredentials(this.sessionId, event.personId);
  }

  /** Closes at once every panel of a person removed, here or on another instance [R49]. */
  #dismiss(personId: string): void {
    const frame = JSON.stringify({
      type: 'error',
      code: ErrorCode.removed,
      message: 'The facilitator removed you from this session.',
      commandId: null,
    } satisfies ErrorMessage);
    for (const connection of [...this.#connections]) {
      if (connection.personId !== personId) continue;
      this.#connections.delete(connection);
      connection.send(frame);
      connection.close(CloseCode.removed, 'removed from the session');
    }
  }

  #broadcast(seq: number, event: SessionEvent, commandId: string | null): void {
    if (event.type === 'personRemoved') this.#dismiss(event.personId);
    const serverNow = this.now();
    const frame = (visible: SessionEvent | null): string =>
      JSON.stringify({
        type: 'event',
        seq,
        event: visible,
        commandId,
        serverNow,
      } satisfies EventMessage);
    // Public events are encoded once for every recipient; private ones per audience.
    if (isPublicEvent(event)) {
      const shared = frame(event);
      for (const connection of this.#connections) connection.send(shared);
      return;
    }
    const hidden = frame(null);
    for (const connection of this.#connections) {
      const visible = visibleEvent(event, connection.personId, this.#state);
      connection.send(visible ? frame(visible) : hidden);
    }
  }

  /**
   * Attaches a connection and greets it: exactly the events it missed since `lastSeq` when the
   * log still has them, otherwise a fresh view. Queued, so no event slips between the two.
   */
  attach(
    connection: Connection,
    lastSeq: number | null,
    caps: AttachCaps = NO_CAPS,
  ): Promise<AttachOutcome> {
    return this.#enqueue(async () => {
      // Counted in the queue, where every earlier attach has already landed: no race past a cap.
      if (this.#connections.size >= caps.perSession) return 'sessionFull';
      if (this.connectionsOf(connection.personId) >= caps.perPerson) return 'personFull';
      const welcome = await this.#welcome(connection.personId, lastSeq);
      this.#connections.add(connection);
      connection.send(JSON.stringify(welcome));
      return 'attached';
    });
  }

  async #welcome(personId: string, lastSeq: number | null): Promise<Welcome> {
    const base = {
      type: 'welcome' as const,
      protocol: PROTOCOL_VERSION,
      personId,
      serverNow: this.now(),
    };
    const missed = lastSeq === null ? Number.POSITIVE_INFINITY : this.#seq - lastSeq;
    if (missed >= 0 && missed <= RESUME_MAX_EVENTS && lastSeq !== null) {
      const stored = await this.store.eventsSince(this.sessionId, lastSeq, RESUME_MAX_EVENTS);
      if (stored.length === missed) {
        const events: SequencedEvent[] = stored.map(({ seq, event, commandId }) => ({
          seq,
          event: visibleEvent(event, personId, this.#state),
          commandId,
        }));
        return { ...base, mode: 'resume', events };
      }
    }
    return { ...base, mode: 'snapshot', seq: this.#seq, view: viewFor(this.#state, personId) };
  }

  detach(connection: Connection): void {
    this.#connections.delete(connection);
  }

  /** Closes every connection, e.g. when the server stops. */
  closeAll(code: number, reason: string): void {
    for (const connection of this.#connections) connection.close(code, reason);
    this.#connections.clear();
  }

  /** Resolves once every queued command has been handled. */
  idle(): Promise<void> {
    return this.#enqueue(async () => undefined);
  }
}
