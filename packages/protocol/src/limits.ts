import { LIMITS } from '@cercle/domain';

/** Limits are part of the protocol: both ends refuse what exceeds them. */
export const PROTOCOL_LIMITS = {
  ...LIMITS,
  /** Largest frame a panel may send: a full note is 20,000 characters of up to 3 UTF-8 bytes. */
  clientFrameMaxBytes: 96 * 1024,
  /** Largest HTTP body the server reads. */
  httpBodyMaxBytes: 16 * 1024,
  idMaxChars: 64,
  tokenMaxChars: 4096,
} as const;

export const PROTOCOL_VERSION = 1;
