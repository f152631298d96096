import { z } from 'zod';
import { PROTOCOL_LIMITS } from './limits.ts';

/**
 * The shapes every boundary shares, declared once: ids (of sessions, groups, people, commands),
 * credentials, times and dates.
 */

/** Any id the server or a panel hands out: sessions, groups, people, stages, commands. */
export const idSchema = z
  .string()
  .min(1)
  .max(PROTOCOL_LIMITS.idMaxChars)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/** A credential as it travels: a seat, a join secret, a ticket, a stage capability. */
export const tokenSchema = z
  .string()
  .min(16)
  .max(PROTOCOL_LIMITS.tokenMaxChars)
  .regex(/^[A-Za-z0-9._~+/=-]+$/, 'not a token');

/** A moment, in milliseconds since the epoch, within the range a `Date` holds. */
export const epochMsSchema = z.number().int().nonnegative().max(8.64e15);

/** A calendar day, YYYY-MM-DD: when a session is planned, when an action is due. */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');

/** The key of a template in the catalogue; the server says whether it knows it. */
export const templateKeySchema = z.string().min(1).max(64);
