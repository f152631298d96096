import {
  applyToView,
  type Command,
  type CommandType,
  type Rejection,
  type SessionEvent,
  type SessionView,
  WHOLE_TEXT_COMMANDS,
} from '@cercle/domain';
import {
  ClockOffsetEstimator,
  CloseCode,
  commandSchema,
  type ErrorCode,
  FINAL_CLOSE_CODES,
  idSchema,
  PROTOCOL_VERSION,
  parseServerMessage,
  type ServerMessage,
} from '@cercle/protocol';
import { z } from 'zod';
import { reconnectDelayMs } from './backoff.ts';
import { SOCKET_OPEN, type SocketFactory, type SocketLike } from './socketLike.ts';

/** Commands that carry words the person wrote: what an erasure must keep from being sent back. */
const WRITES_TEXT: ReadonlySet<CommandType> = new Set<CommandType>([
  ...WHOLE_TEXT_COMMANDS,
  'postSuggestion',
  'proposeCase',
]);

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'failed';

export interface Notice {
  readonly id: number;
  readonly kind: 'rejection' | 'error';
  readonly code: Rejection | ErrorCode;
}

export interface SyncSnapshot {
  readonly status: ConnectionStatus;
  readonly view: SessionView | null;
  readonly personId: string | null;
  readonly seq: number | null;
  /** Commands sent but not yet confirmed, oldest first. */
  readonly pending: readonly PendingCommand[];
  readonly notices: readonly Notice[];
  /** Why the connection stopped for good (bad link, unknown session…). */
  readonly failure: ErrorCode | null;
  /**
   * How many times this person's texts were erased while this panel watched: text fields and
   * drafts holding the erased words must forget them rather than send them back.
   */
  readonly erasures: number;
}

export interface PendingCommand {
  readonly commandId: string;
  readonly command: Command;
}

export interface SyncClientOptions {
  readonly url: string;
  readonly sessionId: string;
  readonly token: string;
  readonly socketFactory: SocketFactory;
  /** Where unsent commands survive a reload; null keeps them in memory only. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly isOnline?: () => boolean;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** Called as this person's texts are erased, before the panel renders the erased view. */
  readonly onOwnErasure?: () => void;
}

export const PING_INTERVAL_MS = 10_000;
/**
 * A command unanswered this long is sent again (a frame dropped by a rate limit, say). The server
 * remembers command ids, so a command it already applied is confirmed, not applied twice.
 */
export const RESEND_AFTER_MS = 5000;
const outboxSchema = z.array(z.object({ commandId: idSchema, command: commandSchema }));
const NOTICES_KEPT = 3;

/**
 * Keeps one panel in sync: connects, says hello with the last sequence it applied, applies events
 * with the domain's `applyToView`, resends unconfirmed commands after a reconnect, and estimates the
 * server's clock. No React here.
 */
export class SyncClient {
  #snapshot: SyncSnapshot = {
    status: 'connecting',
    view: null,
    personId: null,
    seq: null,
    pending: [],
    notices: [],
    failure: null,
    erasures: 0,
  };
  readonly #listeners = new Set<() => void>();
  readonly #clock = new ClockOffsetEstimator();
  #socket: SocketLike | null = null;
  #attempt = 0;
  #stopped = false;
  #reconnectTimer: unknown = null;
  #pingTimer: unknown = null;
  #helloSentAt = 0;
  #nextPing = 0;
  #nextNotice = 0;
  readonly #sentAt = new Map<string, number>();
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #setTimer: (callback: () => void, ms: number) => unknown;
  readonly #clearTimer: (handle: unknown) => void;
  readonly #storageKey: string;

  constructor(private readonly options: SyncClientOptions) {
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
    this.#clearTimer =
      options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.#storageKey = `cercle:outbox:${options.sessionId}`;
    this.#update({ pending: this.#loadOutbox() });
  }

  get snapshot(): SyncSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The server's time now, from this machine's clock corrected by the estimated offset. */
  serverNow(): number {
    return this.#clock.serverTime(this.#now());
  }

  get clockEstimate() {
    return this.#clock.estimate;
  }

  start(): void {
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    this.#clearTimer(this.#reconnectTimer);
    this.#clearTimer(this.#pingTimer);
    this.#socket?.close(1000, 'panel closed');
    this.#socket = null;
  }

  /** Queues a command; it is sent now if connected, otherwise after the next welcome. */
  send(command: Command): string {
    const commandId = `${this.#now().toString(36)}-${Math.floor(this.#random() * 1e9).toString(36)}`;
    // A newer whole text replaces an older one still unanswered: were the older one resent
    // later, it would overwrite the newer on the server.
    const kept = WHOLE_TEXT_COMMANDS.has(command.type)
      ? this.#snapshot.pending.filter((p) => p.command.type !== command.type)
      : this.#snapshot.pending;
    for (const p of this.#snapshot.pending) if (!kept.includes(p)) this.#sentAt.delete(p.commandId);
    const pending = [...kept, { commandId, command }];
    this.#update({ pending });
    this.#saveOutbox(pending);
    if (this.#snapshot.status === 'connected') this.#transmit(commandId, command);
    return commandId;
  }

  /**
   * When this person's texts are erased, the texts they queued before the erasure must not reach
   * the server afterwards: they are dropped from the outbox, and `erasures` tells the panel to
   * forget its drafts. Commands queued after the erasure (typed anew) are kept.
   */
  #forgetErased(
    event: SessionEvent | null,
    commandId: string | null,
    pending: readonly PendingCommand[],
  ): readonly PendingCommand[] {
    if (event?.type !== 'contentErased' || event.personId !== this.#snapshot.personId)
      return pending;
    this.options.onOwnErasure?.();
    this.#update({ erasures: this.#snapshot.erasures + 1 });
    const erasedAt = pending.findIndex((p) => p.commandId === commandId);
    const before = erasedAt < 0 ? pending.length : erasedAt;
    return pending.filter((p, i) => i >= before || !WRITES_TEXT.has(p.command.type));
  }

  dismissNotice(id: number): void {
    this.#update({ notices: this.#snapshot.notices.filter((n) => n.id !== id) });
  }

  #update(patch: Partial<SyncSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener();
  }

  #connect(): void {
    const socket = this.options.socketFactory(this.options.url);
    this.#socket = socket;
    socket.onopen = () => {
      this.#helloSentAt = this.#now();
      socket.send(
        JSON.stringify({
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          sessionId: this.options.sessionId,
          token: this.options.token,
          lastSeq: this.#snapshot.view ? this.#snapshot.seq : null,
        }),
      );
    };
    socket.onmessage = (event) => {
      if (socket === this.#socket && typeof event.data === 'string') this.#receive(event.data);
    };
    socket.onclose = (event) => {
      if (socket === this.#socket) this.#closed(event.code);
    };
    socket.onerror = () => undefined;
  }

  #closed(code: number): void {
    this.#socket = null;
    this.#clearTimer(this.#pingTimer);
    if (this.#stopped) return;
    if (FINAL_CLOSE_CODES.has(code)) {
      const failure = code === CloseCode.removed ? 'removed' : 'unauthorized';
      this.#update({ status: 'failed', failure: this.#snapshot.failure ?? failure });
      return;
    }
    const isOnline = this.options.isOnline?.() ?? true;
    this.#update({ status: isOnline ? 'reconnecting' : 'offline' });
    const delay = reconnectDelayMs(this.#attempt++, this.#random);
    this.#reconnectTimer = this.#setTimer(() => this.#connect(), delay);
  }

  /** Drops the connection and comes back with the last applied sequence (after a gap). */
  #resync(): void {
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000, 'resync');
    this.#closed(1000);
  }

  #receive(frame: string): void {
    const parsed = parseServerMessage(frame);
    if (!parsed.ok) {
      this.#resync();
      return;
    }
    this.#handle(parsed.value);
  }

  #handle(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome': {
        this.#clock.add({
          clientSentAt: this.#helloSentAt,
          serverNow: message.serverNow,
          clientReceivedAt: this.#now(),
        });
        let view = this.#snapshot.view;
        let seq = this.#snapshot.seq;
        let pending = this.#snapshot.pending;
        if (message.mode === 'snapshot') {
          view = message.view;
          seq = message.seq;
        } else {
          for (const item of message.events) {
            if (item.event && view) view = applyToView(view, item.event);
            seq = item.seq;
            pending = this.#forgetErased(item.event, item.commandId, pending);
            if (item.commandId) pending = pending.filter((p) => p.commandId !== item.commandId);
          }
        }
        this.#attempt = 0;
        this.#update({
          status: 'connected',
          view,
          seq,
          personId: message.personId,
          pending,
          failure: null,
        });
        this.#saveOutbox(pending);
        for (const { commandId, command } of pending) this.#transmit(commandId, command);
        this.#ping();
        return;
      }
      case 'event': {
        const { seq, view } = this.#snapshot;
        if (seq === null || view === null) return;
        // An old event may still confirm a command sent again: settle it, apply nothing.
        this.#settle(message.commandId);
        if (message.seq <= seq) return;
        if (message.seq !== seq + 1) {
          this.#resync();
          return;
        }
        const pending = this.#forgetErased(
          message.event,
          message.commandId,
          this.#snapshot.pending,
        );
        if (pending !== this.#snapshot.pending) {
          this.#update({ pending });
          this.#saveOutbox(pending);
        }
        this.#settle(message.commandId);
        this.#update({
          view: message.event ? applyToView(view, message.event) : view,
          seq: message.seq,
        });
        return;
      }
      case 'rejected':
        this.#settle(message.commandId);
        this.#notify('rejection', message.reason);
        return;
      case 'error':
        if (message.commandId) this.#settle(message.commandId);
        if (
          message.code === 'unauthorized' ||
          message.code === 'sessionNotFound' ||
          message.code === 'unsupportedProtocol' ||
          message.code === 'removed'
        )
          this.#update({ failure: message.code });
        else this.#notify('error', message.code);
        return;
      case 'pong':
        this.#clock.add({
          clientSentAt: message.clientSentAt,
          serverNow: message.serverNow,
          clientReceivedAt: this.#now(),
        });
        return;
    }
  }

  #settle(commandId: string | null): void {
    if (!commandId) return;
    this.#sentAt.delete(commandId);
    const pending = this.#snapshot.pending.filter((p) => p.commandId !== commandId);
    if (pending.length === this.#snapshot.pending.length) return;
    this.#update({ pending });
    this.#saveOutbox(pending);
  }

  #notify(kind: Notice['kind'], code: Notice['code']): void {
    const notice: Notice = { id: ++this.#nextNotice, kind, code };
    this.#update({ notices: [...this.#snapshot.notices, notice].slice(-NOTICES_KEPT) });
  }

  #transmit(commandId: string, command: Command): void {
    if (this.#socket?.readyState !== SOCKET_OPEN) return;
    this.#sentAt.set(commandId, this.#now());
    this.#socket.send(JSON.stringify({ type: 'command', commandId, command }));
  }

  #resendUnanswered(): void {
    const now = this.#now();
    for (const { commandId, command } of this.#snapshot.pending)
      if (now - (this.#sentAt.get(commandId) ?? now) >= RESEND_AFTER_MS)
        this.#transmit(commandId, command);
  }

  #ping(): void {
    this.#clearTimer(this.#pingTimer);
    this.#resendUnanswered();
    if (this.#socket?.readyState === SOCKET_OPEN)
      this.#socket.send(
        JSON.stringify({ type: 'ping', pingId: ++this.#nextPing, clientSentAt: this.#now() }),
      );
    // A few quick samples first, so the first estimate comes from a short round trip.
    const interval = this.#nextPing < 4 ? 1000 : PING_INTERVAL_MS;
    this.#pingTimer = this.#setTimer(() => this.#ping(), interval);
  }

  #loadOutbox(): PendingCommand[] {
    try {
      const raw = this.options.storage?.getItem(this.#storageKey);
      const parsed = outboxSchema.safeParse(raw ? JSON.parse(raw) : []);
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  #saveOutbox(pending: readonly PendingCommand[]): void {
    try {
      if (pending.length === 0) this.options.storage?.removeItem(this.#storageKey);
      else this.options.storage?.setItem(this.#storageKey, JSON.stringify(pending));
    } catch {
      // Storage full or disabled: the outbox still lives in memory.
    }
  }
}
