import type { CreateSessionResponse, JoinResponse } from '@cercle/protocol';
import { PROTOCOL_VERSION } from '@cercle/protocol';
import WebSocket from 'ws';
import { startServer } from '../support/serverProcess.ts';

export interface MemoryFigures {
  readonly sessions: number;
  readonly panels: number;
  /** Heap after a full collection, and resident set, at each point, in MB. */
  readonly atStart: Usage;
  readonly idle: Usage;
  readonly live: Usage;
  readonly afterEviction: Usage;
  /** Sessions loaded when the idle figure was read: all of them, unless some left already. */
  readonly idleLoaded: number;
  /** Per session, in KB: loaded with no panel, and with its panels' sockets open. */
  readonly idleKbPerSession: { heap: number; rss: number };
  readonly liveKbPerSession: { heap: number; rss: number };
  /** From the last panel closing to the last session leaving memory, in seconds. */
  readonly evictedAfterS: number;
  readonly idleTimeoutMs: number;
}

interface Usage {
  readonly heapMb: number;
  readonly rssMb: number;
}

/** A tiny client of the server's inspector: a full collection, then `process.memoryUsage()`. */
async function inspector(debuggerUrl: string): Promise<{ usage(): Promise<Usage>; close(): void }> {
  const socket = new WebSocket(debuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 0;
  const call = (method: string, params: object) =>
    new Promise<{ result?: { result?: { value?: string } } }>((resolve) => {
      const id = ++nextId;
      const onMessage = (data: WebSocket.RawData) => {
        const reply = JSON.parse(data.toString());
        if (reply.id !== id) return;
        socket.off('message', onMessage);
        resolve(reply);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    async usage() {
      await call('HeapProfiler.collectGarbage', {});
      await call('HeapProfiler.collectGarbage', {});
      const reply = await call('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      });
      const usage = JSON.parse(reply.result?.result?.value ?? '{}');
      return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 };
    },
    close: () => socket.close(),
  };
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** A gauge of the server's /metrics. */
async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return Number(line?.split(' ').at(-1) ?? Number.NaN);
}

const SETUP_BATCH = 25;

/** Opens a panel's socket and resolves once the server greeted it. */
function openPanel(wsUrl: string, sessionId: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl);
    socket.once('open', () =>
      socket.send(
        JSON.stringify({
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          sessionId,
          token,
          lastSeq: null,
        }),
      ),
    );
    socket.once('message', (data) => {
      if (JSON.parse(data.toString()).type === 'welcome') resolve(socket);
      else reject(new Error(`no welcome: ${data.toString().slice(0, 200)}`));
    });
    socket.once('error', reject);
  });
}

const perSessionKb = (from: Usage, to: Usage, sessions: number) => ({
  heap: ((to.heapMb - from.heapMb) * 1024) / sessions,
  rss: ((to.rssMb - from.rssMb) * 1024) / sessions,
});

/**
 * Memory per session, read from the server's own heap after full collections (through its
 * inspector): live, with every panel's socket open; then idle, loaded with every panel closed;
 * then how long idle sessions take to leave memory once the last panel closed.
 */
export async function memoryFigures(
  sessions: number,
  panels: number,
  idleTimeoutMs: number,
  log: (line: string) => void,
): Promise<MemoryFigures> {
  const server = await startServer({
    nodeArgs: ['--inspect=127.0.0.1:0'],
    env: {
      CREATIONS_PER_MINUTE: '10000000',
      CONNECTIONS_PER_ADDRESS: '1000000',
      LOG_LEVEL: 'warn',
      ROOM_IDLE_MS: String(idleTimeoutMs),
    },
  });
  const sockets: WebSocket[] = [];
  try {
    const debuggerUrl = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(server.output())?.[0];
    if (!debuggerUrl) throw new Error(`no inspector address in:\n${server.output()}`);
    const memory = await inspector(debuggerUrl);

    const wsUrl = `${server.url.replace('http', 'ws')}/ws`;
    const prepare = async (i: number) => {
      const created = await post<CreateSessionResponse>(`${server.url}/api/sessions`, {
        groupName: `Memory ${i}`,
        templateKey: 'remote-2h',
        facilitatorName: 'Fac',
      });
      const joinToken = created.participantLink.split('#join=')[1];
      const tokens = [created.token];
      for (let p = 1; p < panels; p++)
        tokens.push(
          (
            await post<JoinResponse>(`${server.url}/api/sessions/${created.sessionId}/join`, {
              joinToken,
              displayName: `P${p}`,
            })
          ).token,
        );
      return { sessionId: created.sessionId, tokens };
    };
    // One session through every path first, so that what the server builds on first use (route
    // serializers, the first statements) is not counted as the sessions' memory.
    const warm = await prepare(-1);
    (await openPanel(wsUrl, warm.sessionId, warm.tokens[0] as string)).close();
    const atStart = await memory.usage();

    const prepared: Array<{ sessionId: string; tokens: string[] }> = [];
    for (let start = 0; start < sessions; start += SETUP_BATCH)
      prepared.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(SETUP_BATCH, sessions - start) }, (_, k) =>
            prepare(start + k),
          ),
        )),
      );
    for (const { sessionId, tokens } of prepared)
      sockets.push(...(await Promise.all(tokens.map((t) => openPanel(wsUrl, sessionId, t)))));
    const live = await memory.usage();
    log(`  memory: ${sockets.length} panels open`);

    // Every panel leaves; once the server has seen them go, the sessions are loaded with none.
    for (const socket of sockets.splice(0)) socket.close();
    const closedAt = performance.now();
    while ((await metric(server.url, 'cercle_connections')) > 0)
      await new Promise((r) => setTimeout(r, 100));
    const idle = await memory.usage();
    const idleLoaded = await metric(server.url, 'cercle_sessions_live');
    log(`  memory: ${idleLoaded} sessions loaded with no panel`);
    while ((await metric(server.url, 'cercle_sessions_live')) > 0)
      await new Promise((r) => setTimeout(r, 250));
    const evictedAfterS = (performance.now() - closedAt) / 1000;
    const afterEviction = await memory.usage();
    memory.close();
    return {
      sessions,
      panels,
      atStart,
      idle,
      live,
      afterEviction,
      idleLoaded,
      // The warm-up session may still be loaded too: it was in the heap before as well.
      idleKbPerSession: perSessionKb(atStart, idle, Math.max(1, Math.min(sessions, idleLoaded))),
      liveKbPerSession: perSessionKb(atStart, live, sessions),
      evictedAfterS,
      idleTimeoutMs,
    };
  } finally {
    for (const socket of sockets) socket.terminate();
    await server.dispose();
  }
}
