import { connect, type Socket } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import type { TestCertificate } from './certificate.ts';

export interface TlsFront {
  /** The port it listens on, on 127.0.0.1. */
  readonly port: number;
  /** Where decrypted bytes go; connections made before a backend is set are refused. */
  setBackend(port: number, host?: string): void;
  close(): Promise<void>;
}

/**
 * Terminates TLS and relays the raw bytes to an HTTP port, so WebSocket upgrades pass through
 * untouched. It can start before the backend exists: the backend's PUBLIC_URL needs this port.
 */
export async function startTlsFront(
  certificate: TestCertificate,
  options: { backendPort?: number; backendHost?: string; listenHost?: string } = {},
): Promise<TlsFront> {
  let backend =
    options.backendPort === undefined
      ? null
      : { port: options.backendPort, host: options.backendHost ?? '127.0.0.1' };
  const open = new Set<Socket>();
  const server = createServer(
    { key: certificate.keyPem, cert: certificate.certPem, ALPNProtocols: ['http/1.1'] },
    (client: TLSSocket) => {
      if (!backend) {
        client.destroy();
        return;
      }
      const upstream = connect({ port: backend.port, host: backend.host });
      open.add(client);
      open.add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        open.delete(client);
        open.delete(upstream);
      };
      for (const socket of [client, upstream]) {
        socket.on('error', drop);
        socket.on('close', drop);
      }
      client.pipe(upstream);
      upstream.pipe(client);
    },
  );
  // A failed handshake (a probe, a refused certificate) is not the front's failure.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.listenHost ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    setBackend(port, host = '127.0.0.1') {
      backend = { port, host };
    },
    close() {
      for (const socket of open) socket.destroy();
      open.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
