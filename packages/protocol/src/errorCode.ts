/** Protocol-level failures, as codes on the wire. Domain refusals travel as `Rejection`s instead. */
export const ErrorCode = {
  frameTooLarge: 'frameTooLarge',
  invalidJson: 'invalidJson',
  invalidFrame: 'invalidFrame',
  helloRequired: 'helloRequired',
  alreadyGreeted: 'alreadyGreeted',
  unsupportedProtocol: 'unsupportedProtocol',
  unauthorized: 'unauthorized',
  sessionNotFound: 'sessionNotFound',
  rateLimited: 'rateLimited',
  tooManyConnections: 'tooManyConnections',
  /** A stage view reads the session; it cannot act in it. */
  readOnly: 'readOnly',
  /** The facilitator removed this person from the session: their seat is gone. */
  removed: 'removed',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** WebSocket close codes: 4000 + an HTTP-like status where one fits. */
export const CloseCode = {
  normal: 1000,
  /** The server is restarting: reconnect. */
  serviceRestart: 1012,
  unauthorized: 4401,
  sessionNotFound: 4404,
  helloTimeout: 4408,
  unsupportedProtocol: 4426,
  rateLimited: 4429,
  tooManyConnections: 4430,
  /** Another hello replaced this connection. */
  replaced: 4409,
  /** The facilitator removed this person: their credentials are revoked, reconnecting cannot help. */
  removed: 4403,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which reconnecting cannot help. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthorized,
  CloseCode.sessionNotFound,
  CloseCode.unsupportedProtocol,
  CloseCode.removed,
]);
