import WebSocket from 'ws';
import type { SocketLike } from '../../apps/panel/src/sync/socketLike.ts';
import { SyncClient } from '../../apps/panel/src/sync/syncClient.ts';

/** The panel's own sync client over a real WebSocket, as a browser would run it, started. */
export function startSyncPanel(serverUrl: string, sessionId: string, token: string): SyncClient {
  const storage = new Map<string, string>();
  const client = new SyncClient({
    url: `${serverUrl.replace('http', 'ws')}/ws`,
    sessionId,
    token,
    socketFactory: (url) => new WebSocket(url) as unknown as SocketLike,
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
      removeItem: (k) => void storage.delete(k),
    },
  });
  client.start();
  return client;
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function until(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
