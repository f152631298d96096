import type { Command } from '@cercle/domain';
import type { CreateSessionResponse, JoinResponse } from '@cercle/protocol';
import { createTestSchema, postgresReachable, type TestSchema } from '@cercle/storage/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../apps/panel/src/sync/syncClient.ts';
import { TestPanel } from '../../apps/server/src/testing/testPanel.ts';
import { CONDITION_TIMEOUT_MS } from '../support/patience.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import { REDIS_URL, redisReachable } from '../support/services.ts';
import { postJson, startSyncPanel, until } from '../support/syncPanel.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.ts';

// Two server instances on different ports share one PostgreSQL schema and one Redis.
const [hasPostgres, hasRedis] = await Promise.all([postgresReachable(), redisReachable()]);
const ADJUST_MS = 1000;

const post = postJson;

/** What a panel heard, as the sequence of (seq, event type, command id) it applied. */
function heard(panel: TestPanel): string[] {
  return panel.messages.flatMap((m) =>
    m.type === 'event' ? [`${m.seq}:${m.event?.type ?? 'private'}:${m.commandId ?? ''}`] : [],
  );
}

const absent = [hasPostgres ? null : 'PostgreSQL', hasRedis ? null : 'Redis'].filter(Boolean);
const skipped = absent.length > 0 ? ` (skipped: ${absent.join(' and ')} not reachable)` : '';

describe.skipIf(absent.length > 0)(`several instances over PostgreSQL and Redis${skipped}`, () => {
  let schema: TestSchema;
  const servers: ServerProcess[] = [];
  const panels: TestPanel[] = [];
  const clients: SyncClient[] = [];

  const proxies: TcpProxy[] = [];

  const start = (
    instanceId: string,
    port?: number,
    through: { db?: TcpProxy; redis?: TcpProxy } = {},
    env: Record<string, string> = {},
  ) =>
    startServer({
      ...(port ? { port } : {}),
      env: {
        DATABASE_URL: through.db ? viaProxy(schema.url, through.db) : schema.url,
        DATABASE_SCHEMA: schema.name,
        REDIS_URL: through.redis ? viaProxy(REDIS_URL, through.redis) : REDIS_URL,
        // Unique per test run: instance ids and their presence keys live in the shared Redis.
        INSTANCE_ID: `${instanceId}-${schema.name}`,
        CREATIONS_PER_MINUTE: '1000',
        ...env,
      },
    });

  const viaProxy = (url: string, proxy: TcpProxy) => {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(proxy.port);
    return parsed.toString();
  };

  const proxyTo = async (url: string, defaultPort: number) => {
    const parsed = new URL(url);
    const proxy = await startTcpProxy(parsed.hostname, Number(parsed.port || defaultPort));
    proxies.push(proxy);
    return proxy;
  };

  const readiness = async (server: ServerProcess) => (await fetch(`${server.url}/readyz`)).status;

  async function untilReady(server: ServerProcess, status: number, what: string) {
    const deadline = Date.now() + CONDITION_TIMEOUT_MS;
    while ((await readiness(server)) !== status) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    schema = await createTestSchema();
  });
  afterAll(async () => {
    await schema?.drop();
  });
  afterEach(async () => {
    for (const panel of panels.splice(0)) panel.close();
    for (const client of clients.splice(0)) client.stop();
    await Promise.all(servers.splice(0).map((s) => s.dispose()));
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });

  async function session(on: ServerProcess) {
    const created = await post<CreateSessionResponse>(`${on.url}/api/sessions`, {
      groupName: 'Cercle',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
    });
    const joinToken = created.participantLink.split('#join=')[1] ?? '';
    const join = (at: ServerProcess, displayName: string) =>
      post<JoinResponse>(`${at.url}/api/sessions/${created.sessionId}/join`, {
        joinToken,
        displayName,
      });
    return { created, join };
  }

  async function openPanel(at: ServerProcess, sessionId: string, token: string) {
    const panel = new TestPanel(at.url);
    panels.push(panel);
    await panel.hello(sessionId, token);
    return panel;
  }

  it('gives every panel the same events in the same order, whichever instance it is on', async () => {
    const [a, b] = await Promise.all([start('a'), start('b')]);
    servers.push(a, b);
    const { created, join } = await session(a);
    const facilitator = await openPanel(a, created.sessionId, created.token);
    const others: TestPanel[] = [];
    for (const [i, at] of [a, b, b, a, b].entries()) {
      const joined = await join(at, `P${i}`);
      others.push(await openPanel(at, created.sessionId, joined.token));
    }
    await facilitator.run({ type: 'startSession' });
    for (let i = 0; i < 30; i++)
      await facilitator.command({ type: 'adjustTimer', deltaMs: ADJUST_MS });
    await facilitator.run({ type: 'goToStage', fromIndex: 0, toIndex: 1 });
    const head = facilitator.seq;
    await Promise.all(others.map((p) => p.waitForSeq(head)));
    // Joins and presence came before the facilitator's commands; from the start on, all agree.
    const tail = (p: TestPanel) => heard(p).filter((h) => Number(h.split(':')[0]) > head - 32);
    for (const panel of others) {
      expect(tail(panel)).toEqual(tail(facilitator));
      expect(panel.view?.timer).toEqual(facilitator.view?.timer);
    }
  });

  it('[R49] a removal on one instance closes the removed person’s panels on the other at once', async () => {
    const [a, b] = await Promise.all([start('a'), start('b')]);
    servers.push(a, b);
    const { created, join } = await session(a);
    const facilitator = await openPanel(a, created.sessionId, created.token);
    const kim = await join(b, 'Kim');
    const kimOnB = await openPanel(b, created.sessionId, kim.token);
    const kimOnA = await openPanel(a, created.sessionId, kim.token);
    const bo = await openPanel(b, created.sessionId, (await join(b, 'Bo')).token);
    await facilitator.run({ type: 'removePerson', personId: kim.personId });
    expect(await kimOnB.waitForClose()).toBe(4403);
    expect(await kimOnA.waitForClose()).toBe(4403);
    expect(kimOnB.messages.at(-1)).toMatchObject({ type: 'error', code: 'removed' });
    await bo.waitForSeq(facilitator.seq);
    expect(bo.closeCode).toBeNull();
    expect(bo.view?.people.map((p) => p.displayName)).toEqual(['Awa', 'Bo']);
    // Her credential is gone from the shared database: neither instance lets her back.
    for (const at of [a, b]) {
      const again = await openPanel(at, created.sessionId, kim.token);
      expect(await again.waitForClose()).toBe(4401);
    }
  });

  it('keeps sequence numbers gap-free when both instances take commands at once', async () => {
    const [a, b] = await Promise.all([start('a'), start('b')]);
    servers.push(a, b);
    const { created, join } = await session(a);
    const facilitator = await openPanel(a, created.sessionId, created.token);
    const bea = await join(b, 'Bea');
    const onB = await openPanel(b, created.sessionId, bea.token);
    const watcher = await openPanel(b, created.sessionId, (await join(b, 'Cy')).token);
    await facilitator.run({ type: 'startSession' });
    // Within a panel's burst allowance (40 frames), so none is dropped by the rate limit.
    const rounds = 30;
    const sent: Array<Promise<unknown>> = [];
    for (let i = 0; i < rounds; i++) {
      sent.push(facilitator.run({ type: 'adjustTimer', deltaMs: ADJUST_MS }));
      sent.push(onB.run({ type: 'writeNote', text: `note ${i}` }));
    }
    const outcomes = await Promise.all(sent);
    expect(outcomes.filter((m) => (m as { type: string }).type !== 'event')).toEqual([]);
    const head = Math.max(facilitator.seq, onB.seq);
    await Promise.all([facilitator, onB, watcher].map((p) => p.waitForSeq(head)));
    for (const panel of [facilitator, onB, watcher]) {
      const seqs = panel.messages.flatMap((m) => (m.type === 'event' ? [m.seq] : []));
      // Contiguous from the first event it heard: no gap, nothing twice.
      expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
      expect(panel.view?.timer.durationMs).toBe(5 * 60_000 + rounds * ADJUST_MS);
    }
    expect(onB.view?.notes[bea.personId]?.text).toBe(`note ${rounds - 1}`);
  });

  it('loses nothing when one instance stops and comes back', async () => {
    const [a, b] = await Promise.all([start('a'), start('b')]);
    servers.push(a, b);
    const { created, join } = await session(a);
    const connect = (at: ServerProcess, token: string) => {
      const client = startSyncPanel(at.url, created.sessionId, token);
      clients.push(client);
      return client;
    };
    const facilitator = connect(a, created.token);
    const people = [await join(b, 'Bea'), await join(b, 'Cy')];
    const writers = people.map((person) => connect(b, person.token));
    const all = [facilitator, ...writers];
    await until(
      () => all.every((c) => c.snapshot.status === 'connected'),
      CONDITION_TIMEOUT_MS,
      'connected',
    );
    facilitator.send({ type: 'startSession' });

    const sentNotes = writers.map(() => [] as string[]);
    let adjustments = 0;
    let isSending = true;
    const traffic = (async () => {
      for (let i = 0; isSending; i++) {
        facilitator.send({ type: 'adjustTimer', deltaMs: ADJUST_MS } satisfies Command);
        adjustments++;
        writers.forEach((w, k) => {
          const text = `note ${k}.${i}`;
          sentNotes[k]?.push(text);
          w.send({ type: 'writeNote', text });
        });
        await new Promise((r) => setTimeout(r, 60));
      }
    })();
    await new Promise((r) => setTimeout(r, 800));
    await b.stop('SIGKILL');
    await new Promise((r) => setTimeout(r, 700));
    servers.splice(servers.indexOf(b), 1, await start('b2', b.port));
    await new Promise((r) => setTimeout(r, 800));
    isSending = false;
    await traffic;

    await until(
      () => all.every((c) => c.snapshot.status === 'connected' && c.snapshot.pending.length === 0),
      // Reconnecting backs off up to 15 s between tries, on top of the instance's own restart.
      2 * CONDITION_TIMEOUT_MS,
      'reconnected and outbox drained',
    );
    await until(
      () => all.every((c) => c.snapshot.seq === facilitator.snapshot.seq),
      CONDITION_TIMEOUT_MS,
      'every panel at the same sequence',
    );
    for (const client of all)
      expect(client.snapshot.view?.timer.durationMs).toBe(5 * 60_000 + adjustments * ADJUST_MS);
    writers.forEach((w, k) => {
      expect(w.snapshot.view?.notes[people[k]?.personId ?? '']?.text).toBe(sentNotes[k]?.at(-1));
    });
  });

  it('marks the people of an instance that died offline on the other, and online when they return', async () => {
    const ttlMs = 3000;
    const [a, b] = await Promise.all([
      start('a', undefined, {}, { INSTANCE_TTL_MS: String(ttlMs) }),
      start('b', undefined, {}, { INSTANCE_TTL_MS: String(ttlMs) }),
    ]);
    servers.push(a, b);
    const { created, join } = await session(a);
    const facilitator = await openPanel(a, created.sessionId, created.token);
    const bea = await join(b, 'Bea');
    const cy = await join(b, 'Cy');
    await openPanel(b, created.sessionId, bea.token);
    await openPanel(b, created.sessionId, cy.token);
    await facilitator.run({ type: 'startSession' });
    const presenceOf = (personId: string) =>
      facilitator.view?.people.find((p) => p.id === personId)?.presence;
    await until(
      () => presenceOf(bea.personId) === 'online' && presenceOf(cy.personId) === 'online',
      CONDITION_TIMEOUT_MS,
      'both online',
    );
    // Traffic on the survivor while b dies without a word (no close, no cleanup).
    let isSending = true;
    const traffic = (async () => {
      while (isSending) {
        await facilitator.run({ type: 'adjustTimer', deltaMs: ADJUST_MS });
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await b.stop('SIGKILL');
    const diedAt = Date.now();
    await until(
      () => presenceOf(bea.personId) === 'offline' && presenceOf(cy.personId) === 'offline',
      CONDITION_TIMEOUT_MS + ttlMs,
      'b’s people offline',
    );
    const offlineAfterMs = Date.now() - diedAt;
    isSending = false;
    await traffic;
    console.info(
      `people of the dead instance offline after ${offlineAfterMs} ms (TTL ${ttlMs} ms)`,
    );
    // Noticed within the TTL (11/12 of it at worst); a second more for a busy machine to deliver.
    expect(offlineAfterMs).toBeLessThan(ttlMs + 1000);
    expect(presenceOf(created.personId)).toBe('online');
    // Bea comes back, through the instance still standing.
    await openPanel(a, created.sessionId, bea.token);
    await until(() => presenceOf(bea.personId) === 'online', CONDITION_TIMEOUT_MS, 'Bea back');
    expect(presenceOf(cy.personId)).toBe('offline');
  });

  it('reports not ready without Redis, then catches up: its panels see no gap', async () => {
    const redis = await proxyTo(REDIS_URL, 6379);
    const [a, b] = await Promise.all([start('a'), start('b', undefined, { redis })]);
    servers.push(a, b);
    const { created, join } = await session(a);
    const facilitator = await openPanel(a, created.sessionId, created.token);
    const onB = await openPanel(b, created.sessionId, (await join(b, 'Bea')).token);
    await facilitator.run({ type: 'startSession' });
    await onB.waitForSeq(facilitator.seq);
    expect(await readiness(b)).toBe(200);

    redis.cut();
    await untilReady(b, 503, 'b not ready without Redis');
    const before = onB.seq;
    for (let i = 0; i < 5; i++) await facilitator.run({ type: 'adjustTimer', deltaMs: ADJUST_MS });
    await new Promise((r) => setTimeout(r, 300));
    expect(onB.seq).toBe(before); // b cannot hear of them yet

    redis.restore();
    await untilReady(b, 200, 'b ready again');
    await onB.waitForSeq(facilitator.seq);
    expect(onB.view?.timer).toEqual(facilitator.view?.timer);
  });

  it('reports not ready without its database, then catches up private texts too', async () => {
    const db = await proxyTo(schema.url, 5432);
    const [a, b] = await Promise.all([start('a'), start('b', undefined, { db })]);
    servers.push(a, b);
    const { created, join } = await session(a);
    const bea = await join(a, 'Bea');
    const facilitator = await openPanel(a, created.sessionId, created.token);
    const beaOnA = await openPanel(a, created.sessionId, bea.token);
    // Bea's second screen, on the instance about to lose its database.
    const beaOnB = await openPanel(b, created.sessionId, bea.token);
    await facilitator.run({ type: 'startSession' });
    await beaOnB.waitForSeq(facilitator.seq);

    db.cut();
    await untilReady(b, 503, 'b not ready without its database');
    await beaOnA.run({ type: 'writeNote', text: 'written while b was cut off' });
    await facilitator.run({ type: 'adjustTimer', deltaMs: ADJUST_MS });

    db.restore();
    await untilReady(b, 200, 'b ready again');
    await beaOnB.waitForSeq(facilitator.seq);
    expect(beaOnB.view?.notes[bea.personId]?.text).toBe('written while b was cut off');
    expect(beaOnB.view?.timer).toEqual(facilitator.view?.timer);
  });
});
