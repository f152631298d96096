import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ZoomRole } from '@cercle/host-auth';

/** Zoom's own context header lives about two minutes; the ticket gives the panel time to use it. */
export const ZOOM_TICKET_TTL_MS = 15 * 60_000;

/** What the server verified about a person opening Cercle in a Zoom meeting. */
export interface ZoomTicket {
  /**
   * Names this ticket: a guest's ticket is bound to the one person it first admits, so replaying
   * it never takes another seat.
   */
  readonly id: string;
  /** The meeting, or the breakout room, this panel belongs to. */
  readonly meetingId: string;
  /**
   * True in a breakout room, which starts a group of its own: it neither continues a group nor
   * speaks for the meeting's series. Absent from tickets signed before it existed.
   */
  readonly isBreakoutRoom?: boolean;
  /** Null for guests, who are not signed in to Zoom. */
  readonly userId: string | null;
  readonly role: ZoomRole;
  readonly expiresAt: number;
}

function keyFor(clientSecret: string): Buffer {
  // A key of its own, derived, so a ticket can never pass for anything Zoom signed.
  return createHash('sha256').update(`cercle-zoom-ticket:${clientSecret}`).digest();
}

export function signZoomTicket(ticket: ZoomTicket, clientSecret: string): string {
  const body = Buffer.from(JSON.stringify(ticket)).toString('base64url');
  const mac = createHmac('sha256', keyFor(clientSecret)).update(body).digest('base64url');
  return `${body}.${mac}`;
}

export function verifyZoomTicket(
  token: string,
  clientSecret: string,
  now: number,
): ZoomTicket | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = createHmac('sha256', keyFor(clientSecret)).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const ticket = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ZoomTicket;
    if (
      typeof ticket.id !== 'string' ||
      ticket.id === '' ||
      typeof ticket.meetingId !== 'string' ||
      typeof ticket.expiresAt !== 'number'
    )
      return null;
    return ticket.expiresAt > now ? ticket : null;
  } catch {
    return null;
  }
}

export function canSetUpSession(role: ZoomRole): boolean {
  return role === 'host' || role === 'coHost';
}
