import type { Command } from '@cercle/domain';
import {
  CloseCode,
  ErrorCode,
  type ErrorMessage,
  type Pong,
  PROTOCOL_LIMITS,
  PROTOCOL_VERSION,
  parseClientMessage,
  type Rejected,
} from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import { verifyToken } from '../auth/credentials.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { Connection } from '../rooms/connection.ts';
import { markArrived, markLeft } from '../rooms/presence.ts';
import type { Room } from '../rooms/room.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { WRITE_VOLUME, WRITE_WINDOW_MS } from '../rooms/writeVolume.ts';
import { TokenBucket } from './tokenBucket.ts';
import { SlidingWindowBudget, textBytes } from './writeBudget.ts';

/** What the gateway needs of a socket: the transport adapts a WebSocket to this. */
export interface GatewaySocket {
  send(frame: string): void;
  close(code: number, reason: string): void;
}

/** What the transport tells the gateway about one socket. */
export interface GatewayConnection {
  receive(text: string): void;
  closed(): void;
}

export interface GatewayLimits {
  readonly helloTimeoutMs: number;
  /** A panel sends a few frames a minute; a burst of clicks fits, a script does not. */
  readonly frameBurst: number;
  readonly framesPerSecond: number;
  /** A client that keeps hammering after being told is cut off. */
  readonly droppedFramesBeforeClose: number;
  /** Frames a socket may send before its hello (pings while the panel starts): then it is cut off. */
  readonly framesBeforeHello: number;
  /** Forty people with a couple of tabs each. */
  readonly connectionsPerSession: number;
  /**
   * One person's panels in one session: a laptop, a phone and a reload or two. Without it one
   * participant's sockets could fill the session's cap and lock everyone else out.
   */
  readonly connectionsPerPerson: number;
  /**
   * Bytes of text one person may send one session in any minute, across all their panels here:
   * the per-connection rate alone let twenty sockets of one person write 50 MB in ten seconds.
   */
  readonly writeBytesPerMinute: number;
}

export const GATEWAY_LIMITS: GatewayLimits = {
  helloTimeoutMs: 10_000,
  frameBurst: 40,
  framesPerSecond: 10,
  droppedFramesBeforeClose: 200,
  framesBeforeHello: 8,
  connectionsPerSession: 100,
  connectionsPerPerson: 8,
  writeBytesPerMinute: WRITE_VOLUME.textBytesPerPersonPerMinute,
};

export interface SessionGatewayDeps {
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly now: () => number;
  /** Whether the server is shutting down: leaving panels then keep their presence. */
  readonly isClosing: () => boolean;
  readonly log: { error(details: object, message: string): void };
  readonly metrics?: Metrics;
  readonly limits?: Partial<GatewayLimits>;
}

function errorFrame(code: ErrorMessage['code'], message: string, commandId: string | null = null) {
  return JSON.stringify({ type: 'error', code, message, commandId } satisfies ErrorMessage);
}

/** Frames a panel sends after hello arrive while the greeting is still under way: keep them. */
type Pending = { readonly commandId: string; readonly command: Command };

type Phase =
  | { readonly name: 'hello' }
  | { readonly name: 'greeting' }
  | {
      readonly name: 'ready';
      readonly room: Room;
      readonly connection: Connection;
      /** A stage capability watches the session: no seat, no presence, no command. */
      readonly isReadOnly: boolean;
    }
  | { readonly name: 'closed' };

/**
 * A session's door, whatever carries the frames: the hello and its credential, the caps, the rate
 * limit, the commands that arrive while the greeting is under way, and presence. The WebSocket
 * route only forwards to it, so all of this is tested without a server.
 */
export class SessionGateway {
  readonly #limits: GatewayLimits;
  /** Shared by every socket: keyed by session and person. */
  readonly #writes: SlidingWindowBudget;

  constructor(private readonly deps: SessionGatewayDeps) {
    this.#limits = { ...GATEWAY_LIMITS, ...deps.limits };
    this.#writes = new SlidingWindowBudget(this.#limits.writeBytesPerMinute, WRITE_WINDOW_MS);
  }

  open(socket: GatewaySocket): GatewayConnection {
    const { deps } = this;
    const limits = this.#limits;
    const bucket = new TokenBucket(limits.frameBurst, limits.framesPerSecond, deps.now());
    let dropped = 0;
    let framesBeforeHello = 0;
    let phase: Phase = { name: 'hello' };
    const pending: Pending[] = [];

    const fail = (code: ErrorMessage['code'], message: string, close: number) => {
      socket.send(errorFrame(code, message));
      socket.close(close, message.slice(0, 120));
      phase = { name: 'closed' };
    };
    const helloTimer = setTimeout(
      () => fail(ErrorCode.helloRequired, 'Say hello first.', CloseCode.helloTimeout),
      limits.helloTimeoutMs,
    );

    const run = (ready: Extract<Phase, { name: 'ready' }>, { commandId, command }: Pending) => {
      if (ready.isReadOnly) {
        socket.send(
          errorFrame(
            ErrorCode.readOnly,
            'This screen only shows the session: act from your own panel.',
            commandId,
          ),
        );
        return;
      }
      const { room, connection } = ready;
      const writer = `${room.sessionId}\u0000${connection.personId}`;
      if (!this.#writes.take(writer, textBytes(command), deps.now())) {
        deps.metrics?.commands.inc({ outcome: 'rateLimited' });
        socket.send(
          errorFrame(
            ErrorCode.rateLimited,
            'You have written a great deal this minute: wait a moment before saving again.',
            commandId,
          ),
        );
        return;
      }
      const endTimer = deps.metrics?.commandSeconds.startTimer();
      const count = (outcome: string) => {
        endTimer?.();
        deps.metrics?.commands.inc({ outcome });
      };
      room.submit(connection.personId, command, commandId).then(
        (outcome) => {
          count(outcome.ok ? (outcome.isDuplicate ? 'duplicate' : 'applied') : 'rejected');
          if (!outcome.ok) {
            deps.metrics?.rejections.inc({ reason: outcome.reason });
            socket.send(
              JSON.stringify({
                type: 'rejected',
                commandId,
                reason: outcome.reason,
              } satisfies Rejected),
            );
          } else if (outcome.isDuplicate)
            void room.replayTo(connection, outcome.seq).catch(() => undefined);
        },
        (error: unknown) => {
          count('failed');
          deps.log.error({ err: error, sessionId: room.sessionId }, 'command failed');
          socket.send(
            errorFrame(ErrorCode.internal, 'The server could not record this action.', commandId),
          );
        },
      );
    };

    const greet = async (sessionId: string, token: string, lastSeq: number | null) => {
      // The credential first: a wrong one loads nothing, and an unknown session and a wrong
      // credential for a real one get the same answer, so ids cannot be probed.
      const check = await verifyToken(deps.store, sessionId, token, deps.now());
      if (!check.ok) return fail(ErrorCode.unauthorized, check.message, CloseCode.unauthorized);
      const room = await deps.rooms.get(sessionId);
      if (!room)
        return fail(ErrorCode.sessionNotFound, 'No such session.', CloseCode.sessionNotFound);
      // Their credentials went with the removal; one issued meanwhile opens nothing either [R49].
      if (room.state.removedIds.includes(check.personId))
        return fail(
          ErrorCode.removed,
          'The facilitator removed you from this session.',
          CloseCode.removed,
        );
      if (phase.name === 'closed') return;
      const connection: Connection = {
        personId: check.personId,
        send: (frame) => socket.send(frame),
        close: (code, reason) => socket.close(code, reason),
      };
      const isReadOnly = check.kind === 'stage';
      const attached = await room.attach(connection, lastSeq, {
        perSession: limits.connectionsPerSession,
        perPerson: limits.connectionsPerPerson,
      });
      if (attached !== 'attached')
        return fail(
          ErrorCode.tooManyConnections,
          attached === 'sessionFull'
            ? 'This session has too many open panels.'
            : 'You have too many panels open on this session: close one.',
          CloseCode.tooManyConnections,
        );
      // The socket may have gone while the greeting was under way (`closed()` ran meanwhile).
      if ((phase as Phase).name === 'closed') {
        room.detach(connection);
        return;
      }
      const ready = { name: 'ready', room, connection, isReadOnly } as const;
      phase = ready;
      if (!isReadOnly) markArrived(room, connection.personId, deps.rooms.presenceOwners);
      for (const item of pending.splice(0)) run(ready, item);
    };

    return {
      receive: (text) => {
        if (phase.name === 'closed') return;
        if (!bucket.take(deps.now())) {
          dropped += 1;
          if (dropped === 1)
            socket.send(errorFrame(ErrorCode.rateLimited, 'Too many messages: slow down.'));
          if (dropped >= limits.droppedFramesBeforeClose)
            fail(ErrorCode.rateLimited, 'Too many messages.', CloseCode.rateLimited);
          return;
        }
        dropped = 0;
        // A stranger who has not said hello gets a small budget, in frames and in bytes.
        const isStranger = phase.name === 'hello';
        if (isStranger && ++framesBeforeHello > limits.framesBeforeHello) {
          fail(ErrorCode.helloRequired, 'Say hello first.', CloseCode.helloTimeout);
          return;
        }
        const parsed = parseClientMessage(
          text,
          isStranger ? PROTOCOL_LIMITS.helloFrameMaxBytes : PROTOCOL_LIMITS.clientFrameMaxBytes,
        );
        if (!parsed.ok) {
          socket.send(errorFrame(parsed.code, parsed.message, parsed.commandId));
          return;
        }
        const message = parsed.value;
        switch (message.type) {
          case 'ping':
            socket.send(
              JSON.stringify({
                type: 'pong',
                pingId: message.pingId,
                clientSentAt: message.clientSentAt,
                serverNow: deps.now(),
              } satisfies Pong),
            );
            return;
          case 'hello':
            if (phase.name !== 'hello') {
              socket.send(
                errorFrame(ErrorCode.alreadyGreeted, 'This connection already said hello.'),
              );
              return;
            }
            clearTimeout(helloTimer);
            if (message.protocol !== PROTOCOL_VERSION) {
              fail(
                ErrorCode.unsupportedProtocol,
                `This server speaks protocol ${PROTOCOL_VERSION}: reload the panel.`,
                CloseCode.unsupportedProtocol,
              );
              return;
            }
            phase = { name: 'greeting' };
            greet(message.sessionId, message.token, message.lastSeq).catch((error: unknown) => {
              deps.log.error({ err: error }, 'greeting failed');
              fail(
                ErrorCode.internal,
                'The server could not open this session.',
                CloseCode.serviceRestart,
              );
            });
            return;
          case 'command':
            if (phase.name === 'hello')
              socket.send(
                errorFrame(ErrorCode.helloRequired, 'Say hello first.', message.commandId),
              );
            else if (phase.name === 'greeting')
              pending.push({ commandId: message.commandId, command: message.command });
            else run(phase, message);
            return;
        }
      },
      closed: () => {
        clearTimeout(helloTimer);
        const last = phase;
        phase = { name: 'closed' };
        if (last.name !== 'ready') return;
        last.room.detach(last.connection);
        if (deps.isClosing()) return;
        if (!last.isReadOnly)
          markLeft(last.room, last.connection.personId, deps.rooms.presenceOwners);
        if (last.room.connectionCount === 0) deps.rooms.scheduleEviction(last.room);
      },
    };
  }
}
