import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { GATEWAY_LIMITS } from '../gateway/sessionGateway.ts';
import { TestPanel } from '../testing/testPanel.ts';
import {
  createTestSession,
  makeDataDir,
  postJson,
  startTestServer,
  type TestServer,
} from '../testing/testServer.ts';

let data: ReturnType<typeof makeDataDir>;
let server: TestServer;
const panels: TestPanel[] = [];

beforeEach(async () => {
  data = makeDataDir();
  server = await startTestServer(data.dir);
});

afterEach(async () => {
  for (const p of panels.splice(0)) p.terminate();
  await server.stop();
  data.remove();
});

function upgrade(origin: string | undefined): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const socket = new WebSocket(
      `${server.url.replace('http', 'ws')}/ws`,
      origin ? { origin } : {},
    );
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', () => resolve(0));
  });
}

describe('transport limits', () => {
  it('opens the socket only for allowed origins', async () => {
    expect(await upgrade('http://cercle.test')).toBe('open');
    expect(await upgrade(undefined)).toBe('open');
    expect(await upgrade('https://evil.example')).toBe(403);
  });

  // 245 frames one by one, then the close: on a starved machine that takes well over 20 s.
  it('answers a flood with a rate-limit error, then closes', async () => {
    const created = await createTestSession(server.url);
    const panel = new TestPanel(server.url);
    panels.push(panel);
    await panel.hello(created.sessionId, created.token);
    const ping = JSON.stringify({ type: 'ping', pingId: 1, clientSentAt: 1 });
    for (
      let i = 0;
      i < GATEWAY_LIMITS.frameBurst + GATEWAY_LIMITS.droppedFramesBeforeClose + 5;
      i++
    )
      await panel.sendRaw(ping);
    await panel.waitFor((m) => m.type === 'error' && m.code === 'rateLimited');
    expect(await panel.waitForClose()).toBe(4429);
    // Well-behaved panels of the same session are not affected.
    const other = new TestPanel(server.url);
    panels.push(other);
    await other.hello(created.sessionId, created.token);
    expect(other.messages.some((m) => m.type === 'welcome')).toBe(true);
  }, 120_000);

  it('limits how fast one address creates sessions', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const { status } = await postJson(`${server.url}/api/sessions`, {
        groupName: `G${i}`,
        templateKey: 'classic-6',
        facilitatorName: 'A',
      });
      statuses.push(status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
