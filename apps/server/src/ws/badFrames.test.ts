import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp, type CercleApp } from '../app.ts';
import type { Config } from '../config.ts';
import { TestPanel } from '../testing/testPanel.ts';
import { createTestSession, makeConfig, makeDataDir } from '../testing/testServer.ts';
import { WS_MAX_PAYLOAD_BYTES } from './socketRoute.ts';

interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly err?: { readonly stack?: string };
  readonly [key: string]: unknown;
}

const running: Array<{ built: CercleApp; remove(): void }> = [];
afterEach(async () => {
  for (const { built, remove } of running.splice(0)) {
    await built.app.close();
    remove();
  }
});

/** A real server on a port, every log line it writes kept as parsed JSON. */
async function serveWithLogs(logLevel: Config['logLevel']) {
  const data = makeDataDir();
  const lines: LogLine[] = [];
  const built = await buildApp(makeConfig(data.dir, { logLevel }), {
    logStream: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  running.push({ built, remove: data.remove });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, lines };
}

/** One WebSocket frame as raw bytes; a client's frames are masked unless told otherwise. */
function frame(
  opcode: number,
  payload: Buffer,
  options: { mask?: boolean; rsv1?: boolean; length?: number } = {},
): Buffer {
  const mask = options.mask ?? true;
  const length = options.length ?? payload.length;
  const head = [0x80 | (options.rsv1 ? 0x40 : 0) | opcode];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65_536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    head.push(maskBit | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(...big);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(head), key, masked]);
}

/** What a hostile client sends, each on its own socket: every one of them breaks the protocol. */
const HOSTILE: ReadonlyArray<readonly [string, Buffer]> = [
  ['text that is not UTF-8', frame(0x1, Buffer.from([0xc3, 0x28, 0xff, 0xfe]))],
  [
    'a frame far over the size limit',
    frame(0x2, Buffer.alloc(0), { length: WS_MAX_PAYLOAD_BYTES * 8 }),
  ],
  ['an unmasked frame', frame(0x1, Buffer.from('{"type":"ping"}'), { mask: false })],
  ['an unknown opcode', frame(0x3, Buffer.from('x'))],
  ['a reserved bit set', frame(0x1, Buffer.from('{}'), { rsv1: true })],
  ['a close frame with a forbidden code', frame(0x8, Buffer.from([0x03, 0xed]))],
  ['a control frame too long', frame(0x9, Buffer.alloc(200))],
];

/** Opens a socket, writes `bytes` under the WebSocket layer, resolves once the server hangs up. */
async function sendRaw(url: string, bytes: Buffer): Promise<void> {
  const client = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
  await new Promise<void>((resolve, reject) => {
    client.once('open', () => resolve());
    client.once('error', reject);
  });
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  // The client library would refuse to send these: they go straight onto its TCP socket.
  client.on('error', () => undefined);
  (client as unknown as { _socket: Socket })._socket.write(bytes);
  await closed;
}

/** Sends one text frame as a client would and resolves with the server's answer. */
async function answerTo(url: string, text: string): Promise<unknown> {
  const client = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
  await new Promise<void>((resolve, reject) => {
    client.once('open', () => resolve());
    client.once('error', reject);
  });
  const answer = new Promise<unknown>((resolve) =>
    client.once('message', (data) => resolve(JSON.parse(data.toString()))),
  );
  client.send(text);
  const received = await answer;
  client.close();
  return received;
}

describe('hostile frames over a real socket', () => {
  it('a flood of them logs nothing at error level, and no stack, whatever the level', async () => {
    const { url, lines } = await serveWithLogs('trace');
    for (let round = 0; round < 5; round++)
      for (const [, bytes] of HOSTILE) await sendRaw(url, bytes);
    const errors = lines.filter((line) => line.level >= 50);
    expect(errors.map((line) => line.msg ?? line.err)).toEqual([]);
    expect(lines.filter((line) => JSON.stringify(line).includes('"stack"'))).toEqual([]);
    // Each is still told, once, at debug level, with what ws made of it.
    const told = lines.filter((line) => line.msg === 'client broke the WebSocket protocol');
    expect(told).toHaveLength(5 * HOSTILE.length);
    expect(told.every((line) => line.level === 20 && typeof line.code === 'string')).toBe(true);
  });

  it('at the default level they leave no line at all, and the server serves on', async () => {
    const { url, lines } = await serveWithLogs('info');
    for (const [, bytes] of HOSTILE) await sendRaw(url, bytes);
    // Frames the protocol parses and refuses: answered with an error frame, never logged.
    for (const text of ['not json', '{"type":"hello"}', '[[[[[[[[[[]]]]]]]]]]', 'x'.repeat(7000)])
      expect(await answerTo(url, text)).toMatchObject({ type: 'error' });
    const flooded = lines.filter((line) => line.msg !== 'Server listening at http://127.0.0.1');
    expect(
      flooded.filter((line) => /websocket|protocol|frame|invalid/i.test(JSON.stringify(line))),
    ).toEqual([]);
    const session = await createTestSession(url);
    const panel = new TestPanel(url);
    await panel.hello(session.sessionId, session.token);
    expect(panel.view?.id).toBe(session.sessionId);
    panel.close();
  });
});
