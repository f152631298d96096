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
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verifyToken } from '../auth/credentials.ts';
import { sendError } from '../http/httpError.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { Connection } from '../rooms/connection.ts';
import type { Room } from '../rooms/room.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { startHeartbeat } from './heartbeat.ts';
import { TokenBucket } from './tokenBucket.ts';

export const HELLO_TIMEOUT_MS = 10_000;
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** A panel sends a few frames a minute; a burst of clicks fits, a script does not. */
export const FRAME_BURST = 40;
export const FRAMES_PER_SECOND = 10;
/** A client that keeps hammering after being told is cut off. */
export const DROPPED_FRAMES_BEFORE_CLOSE = 200;
/** Forty people with a couple of tabs each. */
export const CONNECTIONS_PER_SESSION_MAX = 100;

export interface SocketRouteDeps {
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly now: () => number;
  readonly isClosing: () => boolean;
  readonly allowedOrigins: readonly string[];
  readonly connectionsPerAddress: number;
  readonly metrics?: Metrics;
}

function errorFrame(code: ErrorMessage['code'], message: string, commandId: string | null = null) {
  return JSON.stringify({ type: 'error', code, message, commandId } satisfies ErrorMessage);
}

/** Frames a panel sends after hello arrive while the greeting is still under way: keep them. */
type Pending = { commandId: string; command: Command };

export function registerSocketRoute(app: FastifyInstance, deps: SocketRouteDeps): void {
  const { store, rooms, now } = deps;
  const perAddress = new Map<string, number>();
  const heartbeat = startHeartbeat(() => app.websocketServer.clients, HEARTBEAT_INTERVAL_MS);
  app.addHook('onClose', async () => heartbeat.stop());

  const checkUpgrade = async (request: FastifyRequest, reply: FastifyReply) => {
    // Browsers always send Origin: a page elsewhere must not open a socket with someone's cookies or links.
    const origin = request.headers.origin;
    if (origin && !deps.allowedOrigins.includes(origin))
      return sendError(reply, 403, 'forbidden', 'This origin may not connect.');
    if ((perAddress.get(request.ip) ?? 0) >= deps.connectionsPerAddress)
      return sendError(reply, 429, 'rateLimited', 'Too many connections from this address.');
  };

  app.get('/ws', { websocket: true, preValidation: checkUpgrade }, (socket, request) => {
    // Handlers are attached before any await so that no early frame is lost.
    perAddress.set(request.ip, (perAddress.get(request.ip) ?? 0) + 1);
    const bucket = new TokenBucket(FRAME_BURST, FRAMES_PER_SECOND, now());
    let dropped = 0;
    let phase: 'hello' | 'greeting' | 'ready' | 'closed' = 'hello';
    let room: Room | null = null;
    let connection: Connection | null = null;
    // A stage capability watches the session: no seat, no presence, no command.
    let isReadOnly = false;
    const pending: Pending[] = [];
    heartbeat.watch(socket);

    const send = (frame: string) => {
      if (socket.readyState === socket.OPEN) socket.send(frame);
    };
    const fail = (code: ErrorMessage['code'], message: string, close: number) => {
      send(errorFrame(code, message));
      socket.close(close, message.slice(0, 120));
      phase = 'closed';
    };
    const helloTimer = setTimeout(
      () => fail(ErrorCode.helloRequired, 'Say hello first.', CloseCode.helloTimeout),
      HELLO_TIMEOUT_MS,
    );

    const runCommand = (activeRoom: Room, personId: string, { commandId, command }: Pending) => {
      const endTimer = deps.metrics?.commandSeconds.startTimer();
      const count = (outcome: string) => {
        endTimer?.();
        deps.metrics?.commands.inc({ outcome });
      };
      activeRoom.submit(personId, command, commandId).then(
        (outcome) => {
          count(outcome.ok ? (outcome.isDuplicate ? 'duplicate' : 'applied') : 'rejected');
          if (!outcome.ok) deps.metrics?.rejections.inc({ reason: outcome.reason });
          if (outcome.ok && outcome.isDuplicate && connection)
            void activeRoom.replayTo(connection, outcome.seq).catch(() => undefined);
          if (!outcome.ok)
            send(
              JSON.stringify({
                type: 'rejected',
                commandId,
                reason: outcome.reason,
              } satisfies Rejected),
            );
        },
        (error: unknown) => {
          count('failed');
          request.log.error({ err: error, sessionId: activeRoom.sessionId }, 'command failed');
          send(
            errorFrame(ErrorCode.internal, 'The server could not record this action.', commandId),
          );
        },
      );
    };

    const greet = async (sessionId: string, token: string, lastSeq: number | null) => {
      const found = await rooms.get(sessionId);
      if (!found)
        return fail(ErrorCode.sessionNotFound, 'No such session.', CloseCode.sessionNotFound);
      const check = await verifyToken(store, sessionId, token, now());
      if (!check.ok) return fail(ErrorCode.unauthorized, check.message, CloseCode.unauthorized);
      if (found.connectionCount >= CONNECTIONS_PER_SESSION_MAX)
        return fail(
          ErrorCode.tooManyConnections,
          'This session has too many open panels.',
          CloseCode.tooManyConnections,
        );
      if (phase === 'closed') return;
      const personId = check.personId;
      isReadOnly = check.kind === 'stage';
      const isFirstConnection = !isReadOnly && !found.isConnected(personId);
      connection = {
        personId,
        send,
        close: (code, reason) => socket.close(code, reason),
      };
      room = found;
      await found.attach(connection, lastSeq);
      phase = 'ready';
      if (isFirstConnection)
        void found
          .submit(personId, { type: 'setPresence', presence: 'online' }, null)
          .catch(() => undefined);
      for (const item of pending.splice(0)) refuseOrRun(found, personId, item);
    };

    const refuseOrRun = (activeRoom: Room, personId: string, item: Pending) => {
      if (isReadOnly)
        send(
          errorFrame(
            ErrorCode.readOnly,
            'This screen only shows the session: act from your own panel.',
            item.commandId,
          ),
        );
      else runCommand(activeRoom, personId, item);
    };

    socket.on('message', (data, isBinary) => {
      if (!bucket.take(now())) {
        dropped += 1;
        if (dropped === 1) send(errorFrame(ErrorCode.rateLimited, 'Too many messages: slow down.'));
        if (dropped >= DROPPED_FRAMES_BEFORE_CLOSE)
          fail(ErrorCode.rateLimited, 'Too many messages.', CloseCode.rateLimited);
        return;
      }
      dropped = 0;
      const text =
        isBinary || typeof data !== 'string' ? Buffer.from(data as Buffer).toString('utf8') : data;
      const parsed = parseClientMessage(text);
      if (!parsed.ok) {
        send(errorFrame(parsed.code, parsed.message, parsed.commandId));
        return;
      }
      const message = parsed.value;
      switch (message.type) {
        case 'ping':
          send(
            JSON.stringify({
              type: 'pong',
              pingId: message.pingId,
              clientSentAt: message.clientSentAt,
              serverNow: now(),
            } satisfies Pong),
          );
          return;
        case 'hello':
          if (phase !== 'hello') {
            send(errorFrame(ErrorCode.alreadyGreeted, 'This connection already said hello.'));
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
          phase = 'greeting';
          greet(message.sessionId, message.token, message.lastSeq).catch((error: unknown) => {
            request.log.error({ err: error }, 'greeting failed');
            fail(
              ErrorCode.internal,
              'The server could not open this session.',
              CloseCode.serviceRestart,
            );
          });
          return;
        case 'command':
          if (phase === 'hello') {
            send(errorFrame(ErrorCode.helloRequired, 'Say hello first.', message.commandId));
            return;
          }
          if (phase === 'greeting') {
            pending.push({ commandId: message.commandId, command: message.command });
            return;
          }
          if (room && connection) refuseOrRun(room, connection.personId, message);
          return;
      }
    });

    socket.on('close', () => {
      clearTimeout(helloTimer);
      const left = (perAddress.get(request.ip) ?? 1) - 1;
      if (left > 0) perAddress.set(request.ip, left);
      else perAddress.delete(request.ip);
      phase = 'closed';
      const activeRoom = room;
      const activeConnection = connection;
      if (!activeRoom || !activeConnection) return;
      activeRoom.detach(activeConnection);
      if (deps.isClosing()) return;
      if (!isReadOnly && !activeRoom.isConnected(activeConnection.personId))
        void activeRoom
          .submit(activeConnection.personId, { type: 'setPresence', presence: 'offline' }, null)
          .catch(() => undefined);
      if (activeRoom.connectionCount === 0) rooms.scheduleEviction(activeRoom);
    });
  });
}

/**
 * The socket's hard cap, above the protocol's limit so that a frame just over the limit gets a
 * readable `frameTooLarge` error; only far larger ones are cut at the transport (close 1009).
 */
export const WS_MAX_PAYLOAD_BYTES = PROTOCOL_LIMITS.clientFrameMaxBytes * 4;
