import type { SessionState } from '@cercle/domain';
import pg from 'pg';
import type { PayloadCodec } from '../payloadCodec.ts';
import type { AppendResult, LogEntry } from '../sessionStore.ts';

/**
 * One append in one statement: the head moves only if it is where the caller saw it, and the
 * events (and the snapshot, when given) are written only if it moved. A stale head writes nothing
 * and locks nothing, so a conflict is an answer, not an error.
 */
const APPEND_SQL = `
with moved as (
  update sessions set head_seq = $2::int + $3::int
  where id = $1 and head_seq = $2::int
  returning id
), written as (
  insert into events (session_id, seq, type, actor_id, command_id, payload, at)
  select $1, $2::int + e.ord::int, e.type, e.actor_id, e.command_id, e.payload, e.at
  from moved,
    unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[])
      with ordinality as e(type, actor_id, command_id, payload, at, ord)
  returning 1
), snapped as (
  insert into snapshots (session_id, seq, state)
  select $1, $2::int + $3::int, $9::text from moved where $9::text is not null
  on conflict (session_id) do update set seq = excluded.seq, state = excluded.state
  returning 1
)
select (select count(*) from moved)::int as moved,
  (select count(*) from written)::int + (select count(*) from snapped)::int as written`;

/** Named, so each connection parses and plans it once. */
const APPEND_STATEMENT = 'cercle_append_v1';

/** Deadlock and serialisation failures: the batch itself is fine, it is run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const RETRIES_MAX = 3;
/**
 * Batches committing at once per instance: a second gathers and leaves while the first waits for
 * its flush. They never share a session (a room waits for its append before the next), and each
 * writes in session order, so they cannot deadlock.
 */
const BATCHES_IN_FLIGHT = 2;

interface Waiting {
  readonly sessionId: string;
  readonly expectedSeq: number;
  readonly values: unknown[];
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export interface PipelinedAppends {
  append(
    sessionId: string,
    expectedSeq: number,
    entries: readonly LogEntry[],
    snapshot?: SessionState,
  ): Promise<AppendResult>;
  close(): Promise<void>;
}

/**
 * Group commit for PostgreSQL. The appends asked for within one turn of the event loop are written
 * as one pipelined transaction (BEGIN, one prepared statement per append, COMMIT) sent in one
 * write: one round trip and one WAL flush for the whole turn. While the batches allowed are in
 * flight the next one gathers, so batches grow with the load. Nobody hears of an append before its
 * COMMIT answered.
 *
 * A failing statement aborts the transaction, so its batch is rolled back as a whole; the append
 * that failed is rejected alone and the others are run again in a fresh batch. That gives each
 * append what a savepoint would, without a savepoint's extra round trips on every command.
 * Appends are written in session order, so two instances' batches lock session rows in the same
 * order and never deadlock each other.
 */
export function createPipelinedAppends(
  config: pg.PoolConfig & { readonly codec: PayloadCodec },
): PipelinedAppends {
  const { codec, ...poolConfig } = config;
  // A pipelined connection per batch in flight: beyond them, batches grow with the load.
  const pool = new pg.Pool({
    ...poolConfig,
    max: BATCHES_IN_FLIGHT,
    pipeline: true,
  } as pg.PoolConfig);
  pool.on('error', () => undefined);
  let waiting: Waiting[] = [];
  let inFlight = 0;
  let isScheduled = false;

  const schedule = () => {
    if (isScheduled || inFlight >= BATCHES_IN_FLIGHT) return;
    isScheduled = true;
    setImmediate(() => {
      isScheduled = false;
      void flush();
    });
  };

  const flush = async () => {
    if (inFlight >= BATCHES_IN_FLIGHT || waiting.length === 0) return;
    inFlight += 1;
    const batch = waiting;
    waiting = [];
    try {
      await commit(batch, 0);
    } finally {
      inFlight -= 1;
      if (waiting.length > 0) schedule();
    }
  };

  const commit = async (batch: Waiting[], retries: number): Promise<void> => {
    if (batch.length === 0) return;
    batch.sort((a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      for (const { reject } of batch) reject(error);
      return;
    }
    let isReleased = false;
    const release = (destroy = false) => {
      if (isReleased) return;
      isReleased = true;
      client.release(destroy);
    };
    try {
      const begin = client.query('begin');
      const statements = batch.map(({ values }) =>
        client.query<{ moved: number; written: number }>({
          name: APPEND_STATEMENT,
          text: APPEND_SQL,
          values,
        }),
      );
      const end = client.query('commit');
      const [began, ...answers] = await Promise.allSettled([begin, ...statements]);
      const ended = await end.then(
        (result) => ({ ok: true as const, result }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (began?.status === 'rejected' || !ended.ok) {
        // The connection is in an unknown state: dropped, the pool opens a fresh one.
        release(true);
        const error =
          began?.status === 'rejected' ? began.reason : (ended as { error: unknown }).error;
        for (const { reject } of batch) reject(error);
        return;
      }
      const failed = answers.findIndex((answer) => answer.status === 'rejected');
      if (failed === -1 && ended.result.command === 'COMMIT') {
        await settle(client, batch, answers as PromiseFulfilledResult<pg.QueryResult>[]);
        return;
      }
      if (failed === -1) {
        // Rolled back with no statement failing: nothing tells which append to blame.
        for (const { reject } of batch) reject(new Error('append batch rolled back'));
        return;
      }
      // Rolled back: the first failure is the real one, the rest only saw an aborted transaction.
      const first = answers[failed];
      const reason = first?.status === 'rejected' ? (first.reason as { code?: string }) : null;
      if (reason && RETRYABLE.has(reason.code ?? '') && retries < RETRIES_MAX) {
        release();
        return commit(batch, retries + 1);
      }
      const culprit = batch[failed];
      if (culprit) culprit.reject(reason ?? new Error('append rolled back'));
      release();
      return commit(
        batch.filter((_, i) => i !== failed),
        retries,
      );
    } finally {
      release();
    }
  };

  /** Answers each append once its commit is known; a conflict reads the head it lost to. */
  const settle = async (
    client: pg.PoolClient,
    batch: Waiting[],
    answers: PromiseFulfilledResult<pg.QueryResult>[],
  ) => {
    const lost: number[] = [];
    batch.forEach((waiter, i) => {
      if (answers[i]?.value.rows[0]?.moved === 1) {
        const count = waiter.values[2] as number;
        waiter.resolve({ ok: true, seq: waiter.expectedSeq + count });
      } else lost.push(i);
    });
    if (lost.length === 0) return;
    const heads = await Promise.allSettled(
      lost.map((i) =>
        client.query<{ head_seq: number }>('select head_seq from sessions where id = $1', [
          batch[i]?.sessionId,
        ]),
      ),
    );
    lost.forEach((i, k) => {
      const waiter = batch[i];
      const head = heads[k];
      if (!waiter || !head) return;
      if (head.status === 'rejected') waiter.reject(head.reason);
      else {
        const headSeq = head.value.rows[0]?.head_seq;
        waiter.resolve(
          headSeq === undefined
            ? { ok: false, reason: 'notFound', headSeq: 0 }
            : { ok: false, reason: 'conflict', headSeq },
        );
      }
    });
  };

  return {
    append(sessionId, expectedSeq, entries, snapshot) {
      const values = [
        sessionId,
        expectedSeq,
        entries.length,
        entries.map((e) => e.event.type),
        entries.map((e) => e.actorId),
        entries.map((e) => e.commandId),
        entries.map((e) => codec.encode(JSON.stringify(e.event))),
        entries.map((e) => e.at),
        snapshot ? codec.encode(JSON.stringify(snapshot)) : null,
      ];
      return new Promise<AppendResult>((resolve, reject) => {
        waiting.push({ sessionId, expectedSeq, values, resolve, reject });
        schedule();
      });
    },
    async close() {
      while (waiting.length > 0 || inFlight > 0) {
        await flush();
        if (inFlight > 0) await new Promise((r) => setImmediate(r));
      }
      await pool.end();
    },
  };
}
