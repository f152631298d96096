import { Rejection } from '@cercle/domain';
import { z } from 'zod';
import { commandSchema, eventSchema, viewSchema } from './domainSchemas.ts';
import { ErrorCode } from './errorCode.ts';
import { idSchema, epochMsSchema as time, tokenSchema } from './ids.ts';

const seq = z.number().int().nonnegative();

// Client → server: commands and requests.

export const helloSchema = z.object({
  type: z.literal('hello'),
  protocol: z.number().int().positive(),
  sessionId: idSchema,
  token: tokenSchema,
  /** The last sequence number this panel applied; null on a first connection. */
  lastSeq: seq.nullable(),
});

export const commandMessageSchema = z.object({
  type: z.literal('command'),
  /** Chosen by the panel, echoed on the resulting events or refusal. */
  commandId: idSchema,
  command: commandSchema,
});

export const pingSchema = z.object({
  type: z.literal('ping'),
  pingId: z.number().int().nonnegative(),
  clientSentAt: z.number().finite(),
});

export const clientMessageSchema = z.discriminatedUnion('type', [
  helloSchema,
  commandMessageSchema,
  pingSchema,
]);
export type Hello = z.infer<typeof helloSchema>;
export type CommandMessage = z.infer<typeof commandMessageSchema>;
export type Ping = z.infer<typeof pingSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;

// Server → client: facts.

/** One entry of the session's log as a given person sees it: null when it was private to another. */
export const sequencedEventSchema = z.object({
  seq,
  event: eventSchema.nullable(),
  /** Lets a panel that lost an acknowledgement see that its command went through. */
  commandId: idSchema.nullable(),
});
export type SequencedEvent = z.infer<typeof sequencedEventSchema>;

const welcomeBase = {
  type: z.literal('welcome'),
  protocol: z.number().int().positive(),
  personId: idSchema,
  serverNow: time,
};

export const welcomeSchema = z.discriminatedUnion('mode', [
  /** A fresh view at sequence `seq`. */
  z.object({ ...welcomeBase, mode: z.literal('snapshot'), seq, view: viewSchema }),
  /** The panel's view is still good: here is exactly what it missed, in order. */
  z.object({ ...welcomeBase, mode: z.literal('resume'), events: z.array(sequencedEventSchema) }),
]);

export const eventMessageSchema = z.object({
  type: z.literal('event'),
  seq,
  event: eventSchema.nullable(),
  /** The command that produced it, so its sender knows it was accepted. */
  commandId: idSchema.nullable(),
  serverNow: time,
});

export const rejectedSchema = z.object({
  type: z.literal('rejected'),
  commandId: idSchema,
  reason: z.enum(Rejection),
});

export const pongSchema = z.object({
  type: z.literal('pong'),
  pingId: z.number().int().nonnegative(),
  clientSentAt: z.number().finite(),
  serverNow: time,
});

export const errorMessageSchema = z.object({
  type: z.literal('error'),
  code: z.enum(ErrorCode),
  message: z.string().max(500),
  commandId: idSchema.nullable(),
});

export const serverMessageSchema = z.union([
  welcomeSchema,
  eventMessageSchema,
  rejectedSchema,
  pongSchema,
  errorMessageSchema,
]);
export type Welcome = z.infer<typeof welcomeSchema>;
export type EventMessage = z.infer<typeof eventMessageSchema>;
export type Rejected = z.infer<typeof rejectedSchema>;
export type Pong = z.infer<typeof pongSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
