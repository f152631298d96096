import { PROTOCOL_LIMITS } from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type GatewayLimits, SessionGateway } from '../gateway/sessionGateway.ts';
import { sendError } from '../http/httpError.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { startHeartbeat } from './heartbeat.ts';

export const HEARTBEAT_INTERVAL_MS = 30_000;

export interface SocketRouteDeps {
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly now: () => number;
  readonly isClosing: () => boolean;
  readonly allowedOrigins: readonly string[];
  readonly connectionsPerAddress: number;
  readonly metrics?: Metrics;
  readonly limits?: Partial<GatewayLimits>;
}

/**
 * The WebSocket transport: checks what only the upgrade request can tell (origin, address), keeps
 * sockets alive, and forwards every frame to the session gateway.
 */
export function registerSocketRoute(app: FastifyInstance, deps: SocketRouteDeps): void {
  const perAddress = new Map<string, number>();
  const heartbeat = startHeartbeat(() => app.websocketServer.clients, HEARTBEAT_INTERVAL_MS);
  app.addHook('onClose', async () => heartbeat.stop());
  const gateway = new SessionGateway({
    store: deps.store,
    rooms: deps.rooms,
    now: deps.now,
    isClosing: deps.isClosing,
    log: app.log,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(deps.limits ? { limits: deps.limits } : {}),
  });

  const checkUpgrade = async (request: FastifyRequest, reply: FastifyReply) => {
    // Browsers always send Origin: a page elsewhere must not open a socket with someone's links.
    const origin = request.headers.origin;
    if (origin && !deps.allowedOrigins.includes(origin))
      return sendError(reply, 403, 'forbidden', 'This origin may not connect.');
    if ((perAddress.get(request.ip) ?? 0) >= deps.connectionsPerAddress)
      return sendError(reply, 429, 'rateLimited', 'Too many connections from this address.');
  };

  app.get('/ws', { websocket: true, preValidation: checkUpgrade }, (socket, request) => {
    // Handlers are attached before any await so that no early frame is lost.
    perAddress.set(request.ip, (perAddress.get(request.ip) ?? 0) + 1);
    heartbeat.watch(socket);
    const connection = gateway.open({
      send: (frame) => {
        if (socket.readyState === socket.OPEN) socket.send(frame);
      },
      close: (code, reason) => socket.close(code, reason),
    });
    socket.on('message', (data, isBinary) => {
      connection.receive(
        isBinary || typeof data !== 'string' ? Buffer.from(data as Buffer).toString('utf8') : data,
      );
    });
    socket.on('close', () => {
      const left = (perAddress.get(request.ip) ?? 1) - 1;
      if (left > 0) perAddress.set(request.ip, left);
      else perAddress.delete(request.ip);
      connection.closed();
    });
  });
}

/**
 * The socket's hard cap, above the protocol's limit so that a frame just over the limit gets a
 * readable `frameTooLarge` error; only far larger ones are cut at the transport (close 1009).
 */
export const WS_MAX_PAYLOAD_BYTES = PROTOCOL_LIMITS.clientFrameMaxBytes * 4;
