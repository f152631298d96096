import type { FastifyRequest } from 'fastify';

/** Headers a proxy adds when it passes on someone else's request. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

/**
 * True for a request this machine made itself: its socket comes from the loopback (the socket's
 * own address, whatever TRUST_PROXY believes) and no proxy says it carries someone else's. A
 * reverse proxy on the same machine connects from the loopback too, so a forwarded request is
 * never local, even one that names the loopback.
 */
export function isLocalCaller(request: FastifyRequest): boolean {
  const peer = request.raw.socket?.remoteAddress ?? '';
  return isLoopback(peer) && FORWARDING_HEADERS.every((name) => !request.headers[name]);
}
