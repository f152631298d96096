import { LIMITS } from '@cercle/domain';

/** Limits are part of the protocol: both ends refuse what exceeds them. */
export const PROTOCOL_LIMITS = {
  ...LIMITS,
  /** Largest frame a panel may send: a full note is 20,000 characters of up to 3 UTF-8 bytes. */
  clientFrameMaxBytes: 96 * 1024,
  /**
   * Largest frame before `hello`: a hello is an id and a token. A stranger's frames are cheap to
   * refuse when they cannot be big (a deeply nested array costs milliseconds to parse).
   */
  helloFrameMaxBytes: 6 * 1024,
  /** Largest HTTP body the server reads. */
  httpBodyMaxBytes: 16 * 1024,
  idMaxChars: 64,
  tokenMaxChars: 4096,
} as const;

export const PROTOCOL_VERSION = 1;
