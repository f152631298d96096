/**
 * Gathers the writes asked for within one turn of the event loop into one transaction: one WAL
 * commit for all of them rather than one each. When commands queue (a burst, a busy machine) the
 * batches grow and the cost per command falls, which is when it matters; a write on its own waits
 * only for the end of the current turn. Each write keeps its own savepoint (`runOne` is a
 * better-sqlite3 transaction, nested), so one that throws leaves the others committed; nothing
 * resolves before the whole batch is committed, so nobody hears of a write that could still be lost.
 */
export interface GroupCommit<A extends unknown[], R> {
  readonly run: (...args: A) => Promise<R>;
  /** Commits what is waiting now, e.g. before the database is closed. */
  readonly flush: () => void;
}

type Waiting<A, R> = {
  readonly args: A;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
};

export function groupCommit<A extends unknown[], R>(
  inOneTransaction: (work: () => void) => void,
  runOne: (...args: A) => R,
): GroupCommit<A, R> {
  let waiting: Waiting<A, R>[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    const settled: (() => void)[] = [];
    try {
      inOneTransaction(() => {
        for (const { args, resolve, reject } of batch) {
          try {
            const value = runOne(...args);
            settled.push(() => resolve(value));
          } catch (error) {
            settled.push(() => reject(error));
          }
        }
      });
    } catch (error) {
      for (const { reject } of batch) reject(error);
      return;
    }
    for (const settle of settled) settle();
  };
  return {
    run: (...args) =>
      new Promise<R>((resolve, reject) => {
        if (waiting.push({ args, resolve, reject }) === 1) setImmediate(flush);
      }),
    flush,
  };
}
