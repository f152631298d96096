import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/** Errors of the connection itself: the client went away mid-frame, or the network did. */
const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * What @fastify/websocket does when a socket fails. Its default logs every failure at error level
 * with a stack trace: a client sending broken frames (invalid UTF-8, a frame over the limit, an
 * unmasked or unknown one — each a `WS_ERR_*` from ws, which already closes the socket) could
 * flood the logs at will. Those, and connections that drop, are the client's doing: one line at
 * debug level, no stack. Anything else is the server's own failure and keeps its error and stack.
 */
export function handleSocketError(error: Error, socket: WebSocket, request: FastifyRequest): void {
  const code = codeOf(error);
  if (code?.startsWith('WS_ERR_'))
    request.log.debug({ code, reason: error.message }, 'client broke the WebSocket protocol');
  else if (code && NETWORK_CODES.has(code)) request.log.debug({ code }, 'client connection failed');
  else request.log.error({ err: error }, 'websocket failed');
  socket.terminate();
}
