import { useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { deviceStorage } from '../ui/deviceStorage.ts';
import { forgetDrafts } from '../ui/useDraft.ts';
import { browserSocketFactory } from './socketLike.ts';
import { SyncClient, type SyncSnapshot } from './syncClient.ts';

function socketUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

/** One SyncClient for the panel's lifetime, and its snapshot as React state. */
export function useSync(
  sessionId: string,
  token: string,
): { client: SyncClient; snapshot: SyncSnapshot } {
  const [client] = useState(
    () =>
      new SyncClient({
        url: socketUrl(),
        sessionId,
        token,
        socketFactory: browserSocketFactory,
        storage: deviceStorage(),
        // Drafts holding erased words are forgotten before the erased view renders.
        onOwnErasure: () => forgetDrafts(`${sessionId}:`),
        isOnline: () => navigator.onLine,
      }),
  );
  // A layout effect opens the socket before the "connecting" frame is painted rather than after:
  // on a slow device that frame is a tenth of a second the handshake need not wait for.
  useLayoutEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const snapshot = useSyncExternalStore(
    (listener) => client.subscribe(listener),
    () => client.snapshot,
  );
  return { client, snapshot };
}
