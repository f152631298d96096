import type { z } from 'zod';
import { ErrorCode } from './errorCode.ts';
import { idSchema } from './ids.ts';
import { PROTOCOL_LIMITS } from './limits.ts';
import {
  type ClientMessage,
  clientMessageSchema,
  type ServerMessage,
  serverMessageSchema,
} from './messages.ts';

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code:
        | typeof ErrorCode.frameTooLarge
        | typeof ErrorCode.invalidJson
        | typeof ErrorCode.invalidFrame;
      readonly message: string;
      /** The command id, when the frame had a readable one, so the refusal can name it. */
      readonly commandId: string | null;
    };

/** UTF-8 size of a string, without an encoder (the protocol runs where none is typed). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte code point for two units
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function exceeds(frame: string, maxBytes: number): boolean {
  // Cheap bounds first: a UTF-16 unit never takes more than 3 UTF-8 bytes, nor fewer than 1.
  if (frame.length * 3 <= maxBytes) return false;
  if (frame.length > maxBytes) return true;
  return utf8ByteLength(frame) > maxBytes;
}

/** A readable one-line account of the first validation issue. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'frame';
  return `${path}: ${issue.message}`.slice(0, 300);
}

function readCommandId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('commandId' in value)) return null;
  const id = value.commandId;
  return typeof id === 'string' && idSchema.safeParse(id).success ? id : null;
}

function parseWith<T>(schema: z.ZodType<T>, frame: string, maxBytes: number): ParseResult<T> {
  if (exceeds(frame, maxBytes)) {
    return {
      ok: false,
      code: ErrorCode.frameTooLarge,
      message: `frames are limited to ${maxBytes} bytes`,
      commandId: null,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return { ok: false, code: ErrorCode.invalidJson, message: 'not JSON', commandId: null };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    code: ErrorCode.invalidFrame,
    message: describeIssues(result.error),
    commandId: readCommandId(json),
  };
}

/**
 * Parses a frame a panel sent (binary frames are decoded as UTF-8 first), up to `maxBytes` (the
 * protocol's limit by default; less before `hello`). Never throws.
 */
export function parseClientMessage(
  frame: string,
  maxBytes: number = PROTOCOL_LIMITS.clientFrameMaxBytes,
): ParseResult<ClientMessage> {
  return parseWith(clientMessageSchema, frame, maxBytes);
}

/** Parses a frame the server sent. Never throws. */
export function parseServerMessage(frame: string): ParseResult<ServerMessage> {
  return parseWith(serverMessageSchema, frame, Number.POSITIVE_INFINITY);
}
