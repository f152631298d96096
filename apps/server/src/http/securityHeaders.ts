import {
  MICROSOFT_FRAME_ANCESTORS,
  TEAMS_JS_CONNECT_SOURCES,
  ZOOM_FRAME_ANCESTORS,
} from '@cercle/protocol';
import type { FastifyInstance } from 'fastify';

/**
 * Zoom refuses to render a page without all four of these; they are cheap on every response.
 * Framing is limited to the hosts Cercle runs in. Not @fastify/helmet: its defaults
 * (X-Frame-Options SAMEORIGIN, Cross-Origin-Embedder/Resource-Policy) stop Teams and Zoom from
 * framing the panel, and with those switched off it would send these same four headers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  `connect-src 'self' ws: wss: ${TEAMS_JS_CONNECT_SOURCES.join(' ')}`,
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
  `frame-ancestors 'self' ${[...ZOOM_FRAME_ANCESTORS, ...MICROSOFT_FRAME_ANCESTORS].join(' ')}`,
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });
}
