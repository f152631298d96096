import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_SLICES, type Pingable, startHeartbeat } from './heartbeat.ts';

class FakeSocket implements Pingable {
  pings = 0;
  terminated = false;
  answers = true;
  #onPong: (() => void) | null = null;
  ping() {
    this.pings += 1;
    if (this.answers) queueMicrotask(() => this.#onPong?.());
  }
  terminate() {
    this.terminated = true;
  }
  on(_event: 'pong', listener: () => void) {
    this.#onPong = listener;
  }
}

const INTERVAL = 30_000;
const TURN = INTERVAL / HEARTBEAT_SLICES;

describe('heartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const connect = (count: number) => {
    const sockets = new Set<FakeSocket>();
    const heartbeat = startHeartbeat(() => sockets, INTERVAL);
    for (let i = 0; i < count; i++) {
      const socket = new FakeSocket();
      sockets.add(socket);
      heartbeat.watch(socket);
    }
    return { sockets: [...sockets], heartbeat };
  };

  it('pings every socket once per interval, a slice of them at each turn', async () => {
    const { sockets, heartbeat } = connect(3000);
    const perTurn: number[] = [];
    let before = 0;
    for (let t = 0; t < HEARTBEAT_SLICES; t++) {
      await vi.advanceTimersByTimeAsync(TURN);
      const total = sockets.reduce((sum, s) => sum + s.pings, 0);
      perTurn.push(total - before);
      before = total;
    }
    expect(sockets.every((s) => s.pings === 1)).toBe(true);
    expect(Math.max(...perTurn)).toBe(3000 / HEARTBEAT_SLICES);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(sockets.every((s) => s.pings === 2 && !s.terminated)).toBe(true);
    heartbeat.stop();
  });

  it('cuts a socket that did not answer its last ping, and only that one', async () => {
    const { sockets, heartbeat } = connect(10);
    const silent = sockets[4] as FakeSocket;
    silent.answers = false;
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(silent.pings).toBe(1);
    expect(silent.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(silent.terminated).toBe(true);
    expect(sockets.filter((s) => s.terminated)).toEqual([silent]);
    heartbeat.stop();
  });

  it('stops pinging once stopped', async () => {
    const { sockets, heartbeat } = connect(5);
    heartbeat.stop();
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(sockets.every((s) => s.pings === 0)).toBe(true);
  });
});
