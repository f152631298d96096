import type { CommitNotice } from '@cercle/protocol/cluster';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fanout, FanoutListener } from './fanout.ts';
import { channelOf, createRedisFanout } from './redisFanout.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const hasRedis = await redisAnswers();
if (!hasRedis)
  console.warn(`Redis not reachable at ${REDIS_URL}: skipping the Redis fan-out tests`);

/** The sequence numbers a list of notices covers, in the order heard. */
const covered = (notices: readonly CommitNotice[]) =>
  notices.flatMap((n) =>
    Array.from({ length: n.lastSeq - n.firstSeq + 1 }, (_, i) => n.firstSeq + i),
  );

type InlineEvent = NonNullable<CommitNotice['events']>[number];

const silent = { warn: () => undefined, info: () => undefined };

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!hasRedis)('commit notices over Redis', () => {
  const opened: Fanout[] = [];
  const suffix = Math.random().toString(36).slice(2, 8);

  async function instance(name: string) {
    const heard: CommitNotice[] = [];
    let resyncs = 0;
    const listener: FanoutListener = {
      onNotice: (notice) => heard.push(notice),
      onResync: () => {
        resyncs++;
      },
    };
    const fanout = await createRedisFanout({
      url: REDIS_URL,
      instanceId: `${name}-${suffix}`,
      listener,
      log: silent,
    });
    opened.push(fanout);
    return { fanout, heard, resyncs: () => resyncs };
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((f) => f.close()));
  });

  const notice = (origin: string, seq: number): CommitNotice => ({
    sessionId: `s-${suffix}`,
    origin: `${origin}-${suffix}`,
    firstSeq: seq,
    lastSeq: seq,
    events: null,
  });

  it('reach the instances that hold the session, in order, and not their sender', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const c = await instance('c');
    await a.fanout.subscribe(`s-${suffix}`);
    await b.fanout.subscribe(`s-${suffix}`);
    expect(a.fanout.isReady() && b.fanout.isReady()).toBe(true);
    // One per turn, so each is its own message.
    for (let seq = 1; seq <= 20; seq++) {
      a.fanout.publish(notice('a', seq));
      await new Promise((r) => setTimeout(r, 1));
    }
    await until(() => b.heard.at(-1)?.lastSeq === 20, 'b hears up to 20');
    expect(covered(b.heard)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(a.heard).toEqual([]);
    expect(c.heard).toEqual([]);
    await b.fanout.unsubscribe(`s-${suffix}`);
    await b.fanout.subscribe(`t-${suffix}`);
    a.fanout.publish(notice('a', 21));
    await new Promise((r) => setTimeout(r, 1));
    // A later notice on a channel b still hears: once it arrives, the earlier one would have too.
    a.fanout.publish({ ...notice('a', 22), sessionId: `t-${suffix}` });
    await until(() => b.heard.some((n) => n.sessionId === `t-${suffix}`), 'the later notice');
    expect(covered(b.heard.filter((n) => n.sessionId === `s-${suffix}`))).toHaveLength(20);
  });

  it('sends the notices of one turn together: one per session, in order, events kept inline', async () => {
    const a = await instance('a');
    const b = await instance('b');
    await b.fanout.subscribe(`s-${suffix}`);
    await b.fanout.subscribe(`t-${suffix}`);
    const inline = (seq: number) => ({
      seq,
      event: { type: 'timerAdjusted', deltaMs: seq } as InlineEvent['event'],
      actorId: 'fac',
      commandId: `c${seq}`,
    });
    for (let seq = 1; seq <= 5; seq++) {
      a.fanout.publish({ ...notice('a', seq), events: [inline(seq)] });
      a.fanout.publish({ ...notice('a', seq), sessionId: `t-${suffix}` });
    }
    await until(() => b.heard.length >= 2, 'both sessions heard');
    await new Promise((r) => setTimeout(r, 100));
    const onS = b.heard.filter((n) => n.sessionId === `s-${suffix}`);
    expect(onS).toEqual([
      {
        ...notice('a', 1),
        lastSeq: 5,
        events: [1, 2, 3, 4, 5].map(inline),
      },
    ]);
    expect(b.heard.filter((n) => n.sessionId === `t-${suffix}`)).toEqual([
      { ...notice('a', 1), sessionId: `t-${suffix}`, lastSeq: 5 },
    ]);
  });

  it('ignores malformed notices and notices on the wrong channel', async () => {
    const b = await instance('b');
    await b.fanout.subscribe(`s-${suffix}`);
    const raw = new Redis(REDIS_URL);
    try {
      await raw.publish(channelOf(`s-${suffix}`), '{"not":"a notice"}');
      await raw.publish(channelOf(`s-${suffix}`), 'not json');
      await raw.publish(channelOf(`s-${suffix}`), JSON.stringify(notice('x', 1)));
      // A notice naming another session than its channel's is refused.
      await raw.publish(
        channelOf(`s-${suffix}`),
        JSON.stringify({ ...notice('x', 2), sessionId: 'other' }),
      );
      // Published last on the same connection: once it arrives, every refused one has been read.
      await raw.publish(channelOf(`s-${suffix}`), JSON.stringify(notice('x', 3)));
      await until(() => b.heard.some((n) => n.lastSeq === 3), 'the last valid notice');
      expect(b.heard.map((n) => n.lastSeq)).toEqual([1, 3]);
    } finally {
      raw.disconnect();
    }
  });

  it('asks for a resync after its subscription was cut, and hears again', async () => {
    const a = await instance('a');
    const b = await instance('b');
    await b.fanout.subscribe(`s-${suffix}`);
    const admin = new Redis(REDIS_URL);
    try {
      const clients = (await admin.client('LIST')) as string;
      const id = clients
        .split('\n')
        .find((line) => line.includes(`name=cercle-b-${suffix}-sub`))
        ?.match(/\bid=(\d+)/)?.[1];
      expect(id).toBeDefined();
      await admin.client('KILL', 'ID', id ?? '');
      await until(() => b.resyncs() === 1, 'a resync after reconnecting');
      await until(() => b.fanout.isReady(), 'ready again');
      a.fanout.publish(notice('a', 7));
      await until(() => b.heard.length === 1, 'hears after the reconnection');
    } finally {
      admin.disconnect();
    }
  });
});
