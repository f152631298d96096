import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { TestPanel } from '../testing/testPanel.ts';
import {
  createTestSession,
  joinTestSession,
  makeDataDir,
  startTestServer,
  type TestServer,
} from '../testing/testServer.ts';
import { ROOM_IDLE_EVICTION_MS } from './rooms.ts';

/** Bounds a failure only: each wait ends as soon as its condition holds. */
const WAIT_MS = 15_000;
const IDLE_MS = 150;

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(): Promise<TestServer> {
  const data = makeDataDir();
  const started = await startTestServer(data.dir, { roomIdleMs: IDLE_MS });
  cleanups.push(data.remove, () => started.stop());
  return started;
}

function panel(url: string): TestPanel {
  const opened = new TestPanel(url);
  cleanups.push(() => opened.close());
  return opened;
}

describe('idle sessions leave memory', () => {
  it('ROOM_IDLE_MS sets how long a session nobody has open stays loaded (60 s by default)', () => {
    expect(loadConfig({ ROOM_IDLE_MS: '5000' }).roomIdleMs).toBe(5000);
    expect(loadConfig({}).roomIdleMs).toBeUndefined();
    expect(ROOM_IDLE_EVICTION_MS).toBe(60_000);
    expect(() => loadConfig({ ROOM_IDLE_MS: 'soon' })).toThrow(/ROOM_IDLE_MS/);
  });

  it('a session loaded by HTTP alone, no panel ever open, leaves after the idle time', async () => {
    const { url, rooms } = await server();
    const created = await createTestSession(url);
    await joinTestSession(url, created.sessionId, created.joinToken, 'Bo');
    expect(rooms.size).toBe(1);
    await until(() => rooms.size === 0, 'the session nobody opened leaves memory');
  });

  it('a session whose last panel closed leaves after the idle time, and the next hello loads it again', async () => {
    const { url, rooms } = await server();
    const created = await createTestSession(url);
    const first = panel(url);
    await first.hello(created.sessionId, created.token);
    await first.run({ type: 'startSession' });
    first.close();
    await until(() => rooms.size === 0, 'the session leaves memory once its panel closed');

    const again = panel(url);
    await again.hello(created.sessionId, created.token);
    expect(rooms.size).toBe(1);
    expect(again.view?.lifecycle).toBe('live');
    // Loaded again from the store, it goes on where it was.
    expect(await again.run({ type: 'goToStage', fromIndex: 0, toIndex: 1 })).toMatchObject({
      type: 'event',
    });
  });

  it('a session with a panel open stays loaded while sessions nobody opened come and go', async () => {
    const { url, rooms } = await server();
    const open = await createTestSession(url, 'Ouvert');
    const watcher = panel(url);
    await watcher.hello(open.sessionId, open.token);
    // Two idle times at least, measured by other sessions leaving one after the other.
    for (const name of ['Fermé 1', 'Fermé 2']) {
      const closed = await createTestSession(url, name);
      await joinTestSession(url, closed.sessionId, closed.joinToken, 'Bo');
      expect(rooms.size).toBe(2);
      await until(() => rooms.size === 1, `${name} leaves memory`);
    }
    expect(await watcher.run({ type: 'startSession' })).toMatchObject({ type: 'event' });
    expect(rooms.size).toBe(1);
  });
});
