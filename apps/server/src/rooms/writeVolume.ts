/**
 * How much text one person may write, and how much of it a session's log keeps: the thresholds
 * of docs/SECURITY.md ("write volume"), in one place. Operators may change them with
 * WRITE_BYTES_PER_MINUTE and LOG_COMPACT_BYTES.
 */
export interface WriteVolume {
  /**
   * UTF-8 bytes of text one person may send to one session in any minute, across all their
   * panels on an instance. A panel saves a whole text at each pause in typing (NOTE_SAVE_DELAY_MS,
   * 800 ms); 2 MiB is a save every 0.6 s of a note at its 20,000-character limit, several times
   * what anyone types. 20 scripted panels sending such notes would send 96 MiB a minute.
   */
  readonly textBytesPerPersonPerMinute: number;
  /**
   * Bytes of events a session's log may hold before the room folds it into the session's snapshot
   * (`store.compact`): every saved version of a text stays in the log until then. 8 MiB is a few
   * hours of a busy group's autosaves; a session's current texts are at most about 1.5 MB.
   */
  readonly logBytesBeforeCompaction: number;
}

export const WRITE_VOLUME: WriteVolume = {
  textBytesPerPersonPerMinute: 2 * 1024 * 1024,
  logBytesBeforeCompaction: 8 * 1024 * 1024,
};

/** The budget's window. */
export const WRITE_WINDOW_MS = 60_000;
