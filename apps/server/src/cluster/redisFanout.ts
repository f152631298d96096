import { parseCommitNotice } from '@cercle/protocol/cluster';
import { Redis } from 'ioredis';
import type { CommitNotice, Fanout, FanoutListener } from './fanout.ts';
import { NoticeBatch } from './noticeBatch.ts';

/** One channel per session: an instance hears only the sessions it holds panels of. */
export const channelOf = (sessionId: string) => `cercle:session:${sessionId}`;
const CHANNEL_PREFIX = channelOf('');

export interface RedisFanoutOptions {
  readonly url: string;
  readonly instanceId: string;
  readonly listener: FanoutListener;
  readonly log: {
    warn(details: object, message: string): void;
    info(details: object, message: string): void;
  };
}

/** Reconnection waits grow to two seconds: an outage is noticed and mended quickly. */
const retryStrategy = (attempt: number) => Math.min(attempt * 100, 2000);

/**
 * Commit notices over Redis pub/sub. Pub/sub keeps nothing, so whatever may have been missed
 * while a connection was down is made good from the store: listeners resynchronise when the
 * subscriber comes back, and notices that could not be sent are sent again when the publisher does.
 */
export async function createRedisFanout(options: RedisFanoutOptions): Promise<Fanout> {
  const { listener, log } = options;
  // A publish while disconnected fails at once rather than queueing up stale notices.
  const publisher = new Redis(options.url, {
    connectionName: `cercle-${options.instanceId}-pub`,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy,
  });
  // Subscriptions wait for the connection and are renewed by the client after a reconnect.
  const subscriber = new Redis(options.url, {
    connectionName: `cercle-${options.instanceId}-sub`,
    lazyConnect: true,
    retryStrategy,
  });
  const unsent = new Map<string, CommitNotice>();
  let isClosing = false;
  let subscriberWasReady = false;

  const report = (which: string) => (error: Error) => {
    if (!isClosing) log.warn({ err: error.message, connection: which }, 'redis unavailable');
  };
  publisher.on('error', report('publisher'));
  subscriber.on('error', report('subscriber'));

  subscriber.on('ready', () => {
    if (subscriberWasReady) {
      log.info({}, 'redis back: catching up from the store');
      listener.onResync();
    }
    subscriberWasReady = true;
  });
  publisher.on('ready', () => {
    // Tell the others about commits they could not hear of, as "read it from the store" notices.
    for (const notice of unsent.values()) send({ ...notice, events: null });
    unsent.clear();
  });

  subscriber.on('message', (channel: string, text: string) => {
    if (!channel.startsWith(CHANNEL_PREFIX)) return;
    const notice = parseCommitNotice(text);
    if (!notice || notice.sessionId !== channel.slice(CHANNEL_PREFIX.length)) {
      log.warn({ channel }, 'malformed commit notice ignored');
      return;
    }
    if (notice.origin !== options.instanceId) listener.onNotice(notice);
  });

  const keepUnsent = (notice: CommitNotice) => {
    const earlier = unsent.get(notice.sessionId);
    unsent.set(notice.sessionId, earlier ? { ...earlier, lastSeq: notice.lastSeq } : notice);
  };
  const send = (notice: CommitNotice) => {
    publisher.publish(channelOf(notice.sessionId), JSON.stringify(notice)).catch(() => {
      keepUnsent(notice);
    });
  };

  // The notices of one turn leave together: merged per session, written to Redis in one pipeline.
  const batch = new NoticeBatch((notices) => {
    if (publisher.status !== 'ready') {
      for (const notice of notices) keepUnsent(notice);
      return;
    }
    const pipeline = publisher.pipeline();
    for (const notice of notices)
      pipeline.publish(channelOf(notice.sessionId), JSON.stringify(notice));
    pipeline.exec().then(
      (answers) =>
        answers?.forEach(([error], i) => {
          const notice = notices[i];
          if (error && notice) keepUnsent(notice);
        }),
      () => {
        for (const notice of notices) keepUnsent(notice);
      },
    );
  });

  // Starting while Redis is away is allowed: the instance reports not ready until it is back.
  await Promise.allSettled([publisher.connect(), subscriber.connect()]);

  return {
    isReady: () => publisher.status === 'ready' && subscriber.status === 'ready',
    publish: (notice) => batch.add(notice),
    subscribe: async (sessionId) => {
      await subscriber.subscribe(channelOf(sessionId));
    },
    unsubscribe: async (sessionId) => {
      await subscriber.unsubscribe(channelOf(sessionId));
    },
    close: async () => {
      batch.flush();
      isClosing = true;
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
