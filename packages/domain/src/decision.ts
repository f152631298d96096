import type { SessionEvent } from './event.ts';
import type { Rejection } from './rejection.ts';

/** What a command does: the events to record, or why it is refused. */
export type Decision =
  | { readonly ok: true; readonly events: readonly SessionEvent[] }
  | { readonly ok: false; readonly reason: Rejection };

export const accept = (...events: SessionEvent[]): Decision => ({ ok: true, events });
export const reject = (reason: Rejection): Decision => ({ ok: false, reason });
