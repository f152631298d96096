import { mulberry32 } from '@cercle/domain/testing/prng';
import { parseClientMessage } from '@cercle/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPanel } from './testing/testPanel.ts';
import {
  createTestSession,
  makeDataDir,
  startTestServer,
  type TestServer,
} from './testing/testServer.ts';

const SEED = Number(process.env.SEED ?? 20261124);

/** Junk of every kind: wrong types, deep nesting, huge strings, near-valid commands. */
function junk(random: () => number, sessionId: string): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
  const kinds: Array<() => unknown> = [
    () => pick([null, 1, 'x', true, [], {}]),
    () => ({
      type: pick(['command', 'hello', 'ping', 'nope', 7]),
      commandId: pick(['c1', 5, null, '<x>']),
    }),
    () => ({
      type: 'command',
      commandId: 'c',
      command: {
        type: pick(['goToStage', 'writeNote', 'assignRole']),
        fromIndex: pick(['0', -1, 1e9, null]),
      },
    }),
    () => ({
      type: 'command',
      commandId: 'c',
      command: { type: 'writeNote', text: pick([5, null, 'x'.repeat(20_001), 'nul\u0000']) },
    }),
    () => ({
      type: 'command',
      commandId: 'c',
      command: { type: 'rename', displayName: pick(['', ' ', 'a\nb', 'x'.repeat(61)]) },
    }),
    () => ({
      type: 'hello',
      protocol: 1,
      sessionId,
      token: pick(['short', 5, null]),
      lastSeq: null,
    }),
    () => nested(Math.floor(random() * 3000)),
    () => ({ type: 'ping', pingId: pick([-1, 'a', 1.5]), clientSentAt: 'now' }),
  ];
  const raw = JSON.stringify(pick(kinds)()) ?? '';
  return random() < 0.15 ? raw.slice(0, Math.floor(random() * raw.length)) : raw;
}

let data: ReturnType<typeof makeDataDir>;
let server: TestServer;

beforeAll(async () => {
  data = makeDataDir();
  server = await startTestServer(data.dir, { creationsPerMinute: 100_000 });
});

afterAll(async () => {
  await server.stop();
  data.remove();
});

describe(`fuzzing the server (SEED=${SEED})`, () => {
  it('answers every bad frame with one typed error and leaves the session as it was', async () => {
    const random = mulberry32(SEED);
    const created = await createTestSession(server.url);
    const room = (await server.rooms.get(created.sessionId))!;
    let sent = 0;
    // Several sockets, each under its rate limit, together a few hundred frames.
    for (let socket = 0; socket < 10; socket++) {
      const panel = new TestPanel(server.url);
      await panel.hello(created.sessionId, created.token);
      await room.idle();
      const before = JSON.stringify(room.state);
      const seq = room.seq;
      const frames: string[] = [];
      while (frames.length < 30) {
        const frame = junk(random, created.sessionId);
        if (!parseClientMessage(frame).ok) frames.push(frame);
      }
      for (const frame of frames) await panel.sendRaw(frame);
      await panel.waitFor(
        () => panel.messages.filter((m) => m.type === 'error').length >= frames.length,
        10_000,
      );
      const errors = panel.messages.filter((m) => m.type === 'error');
      expect(errors, `seed ${SEED}`).toHaveLength(frames.length);
      for (const error of errors)
        expect(['invalidJson', 'invalidFrame', 'frameTooLarge'], `seed ${SEED}`).toContain(
          error.type === 'error' && error.code,
        );
      await room.idle();
      expect(room.seq, `seed ${SEED}`).toBe(seq);
      expect(JSON.stringify(room.state), `seed ${SEED}`).toBe(before);
      sent += frames.length;
      panel.terminate();
    }
    expect(sent).toBe(300);
  });

  it('answers every bad HTTP body with a typed 4xx, never a 5xx', async () => {
    const random = mulberry32(SEED + 1);
    const created = await createTestSession(server.url);
    const paths = [
      '/api/sessions',
      `/api/sessions/${created.sessionId}/join`,
      `/api/sessions/${created.sessionId}/invitation`,
      '/api/sessions/..%2F..%2Fetc/join',
    ];
    for (let i = 0; i < 200; i++) {
      const path = paths[Math.floor(random() * paths.length)]!;
      const body = junk(random, created.sessionId);
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': random() < 0.9 ? 'application/json' : 'text/plain' },
        body,
      });
      expect(
        response.status,
        `seed ${SEED} #${i} ${path} ${body.slice(0, 80)}`,
      ).toBeGreaterThanOrEqual(400);
      expect(response.status, `seed ${SEED} #${i} ${path}`).toBeLessThan(
        500 + (path.includes('zoom') || path.includes('teams') ? 4 : 0),
      );
      const json = (await response.json()) as { error?: { code?: string } };
      expect(typeof json.error?.code, `seed ${SEED} #${i}`).toBe('string');
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
