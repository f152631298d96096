import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

export interface WorkerInput {
  readonly target: 'cercle' | 'baseline';
  readonly wsUrl: string;
  /** Several instances: panel k of a session connects to `wsUrls[k % length]` (facilitator: the first). */
  readonly wsUrls?: readonly string[];
  /** For Cercle, the first token is the facilitator's. */
  readonly sessions: ReadonlyArray<{
    readonly sessionId: string;
    readonly tokens: readonly string[];
  }>;
  readonly commandsPerSecond: number;
  readonly durationMs: number;
  /** Baseline frames are padded to the size of Cercle's event frames. */
  readonly frameBytes: number;
}

export interface WorkerOutput {
  readonly latenciesMs: number[];
  readonly sent: number;
  readonly expected: number;
  readonly delivered: number;
  readonly outOfOrder: number;
  readonly rejected: number;
  readonly bytes: number;
  readonly connectFailures: number;
}

const input = workerData as WorkerInput;
const latencies: number[] = [];
let delivered = 0;
let outOfOrder = 0;
let rejected = 0;
let bytes = 0;
let sent = 0;
let connectFailures = 0;
const sentAt = new Map<string, number>();

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

interface Panel {
  readonly socket: WebSocket;
  lastSeq: number;
}

async function connectSession(session: WorkerInput['sessions'][number]): Promise<Panel[]> {
  const panels: Panel[] = [];
  for (const [k, token] of session.tokens.entries()) {
    const base = input.wsUrls?.length
      ? (input.wsUrls[k % input.wsUrls.length] ?? input.wsUrl)
      : input.wsUrl;
    const url = input.target === 'cercle' ? base : `${base}/?room=${session.sessionId}`;
    let socket: WebSocket;
    try {
      socket = await open(url);
    } catch {
      connectFailures++;
      continue;
    }
    const panel: Panel = { socket, lastSeq: -1 };
    socket.on('message', (data) => {
      const text = data.toString();
      const received = performance.now();
      // Only the fields measured are read; full validation is the server's and panel's business.
      const message = JSON.parse(text) as { type: string; seq?: number; commandId?: string | null };
      if (message.type === 'welcome') {
        panel.lastSeq = (message as { seq?: number }).seq ?? panel.lastSeq;
        return;
      }
      if (message.type === 'rejected') {
        rejected++;
        return;
      }
      if (message.type !== 'event') return;
      bytes += text.length;
      if (input.target === 'cercle' && typeof message.seq === 'number') {
        if (panel.lastSeq >= 0 && message.seq !== panel.lastSeq + 1) outOfOrder++;
        panel.lastSeq = message.seq;
      }
      const start = message.commandId ? sentAt.get(message.commandId) : undefined;
      if (start !== undefined) {
        delivered++;
        latencies.push(received - start);
      }
    });
    if (input.target === 'cercle') {
      const welcomed = new Promise<void>((resolve) => {
        const onMessage = (data: WebSocket.RawData) => {
          if (data.toString().includes('"welcome"')) {
            socket.off('message', onMessage);
            resolve();
          }
        };
        socket.on('message', onMessage);
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          protocol: 1,
          sessionId: session.sessionId,
          token,
          lastSeq: null,
        }),
      );
      await welcomed;
      // The facilitator starts the session; the room runs it before anything sent later.
      if (panels.length === 0)
        socket.send(
          JSON.stringify({
            type: 'command',
            commandId: 'start',
            command: { type: 'startSession' },
          }),
        );
    }
    panels.push(panel);
  }
  return panels;
}

async function main() {
  const connected: Panel[][] = [];
  for (const session of input.sessions) connected.push(await connectSession(session));
  const pad = 'x'.repeat(Math.max(0, input.frameBytes - 90));
  const intervalMs = 1000 / input.commandsPerSecond;
  const deadline = performance.now() + input.durationMs;
  const timers: NodeJS.Timeout[] = [];
  let expected = 0;
  connected.forEach((panels, index) => {
    const facilitator = panels[0];
    if (!facilitator) return;
    let n = 0;
    const tick = () => {
      if (performance.now() >= deadline) return;
      n++;
      const commandId = `s${index}-c${n}`;
      sentAt.set(commandId, performance.now());
      sent++;
      expected += panels.length;
      const frame =
        input.target === 'cercle'
          ? {
              type: 'command',
              commandId,
              command: { type: 'adjustTimer', deltaMs: n % 2 ? 60_000 : -60_000 },
            }
          : { type: 'event', seq: n, commandId, pad };
      facilitator.socket.send(JSON.stringify(frame));
      timers.push(setTimeout(tick, intervalMs));
    };
    // Spread the sessions over the interval, as independent groups would be.
    timers.push(setTimeout(tick, Math.random() * intervalMs));
  });
  await new Promise((resolve) => setTimeout(resolve, input.durationMs + 2000));
  for (const timer of timers) clearTimeout(timer);
  for (const panels of connected) for (const panel of panels) panel.socket.terminate();
  const output: WorkerOutput = {
    latenciesMs: latencies,
    sent,
    expected,
    delivered,
    outOfOrder,
    rejected,
    bytes,
    connectFailures,
  };
  parentPort?.postMessage(output);
}

void main();
