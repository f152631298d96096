/**
 * How long a condition may take to come true while the suite shares a 2-core machine with other
 * work. Every wait ends as soon as its condition holds, so these only bound a failure: an idle run
 * takes no longer for them.
 */
export const CONDITION_TIMEOUT_MS = 60_000;

/** A server process, `tsx` compiling it first, answering its health check. */
export const SERVER_START_TIMEOUT_MS = 120_000;

/** One test or hook: a browser walk through every stage, or instances started and stopped. */
export const TEST_TIMEOUT_MS = 600_000;
