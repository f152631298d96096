import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { TestCertificate } from './certificate.ts';
import { OPENSSL_PATH } from './certificate.ts';

export const TEAMS_HOSTNAME = 'teams.microsoft.com';
export const TEAMS_ORIGIN = `https://${TEAMS_HOSTNAME}`;
/**
 * 127.0.0.2 leaves 127.0.0.1 and the other loopback addresses to other suites;
 * CERCLE_TEAMS_HOST_ADDRESS picks another one (two runs at once need two addresses).
 */
export const TEAMS_HOST_ADDRESS = process.env.CERCLE_TEAMS_HOST_ADDRESS ?? '127.0.0.2';
/**
 * teams-js compares the parent origin's host, port included, with its list (`teams.microsoft.com`),
 * and Cercle's frame-ancestors names `https://teams.microsoft.com`: only the default port passes.
 */
export const TEAMS_HOST_PORT = 443;
/** The path of the simulated meeting page; any path serves it. */
export const TEAMS_HOST_PATH = '/v2/';

const HOST_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Microsoft Teams (simulated host)</title>
<style>
  html, body { margin: 0; background: #f5f5f5; font: 14px system-ui, sans-serif; }
  #app-frame-host { display: inline-block; padding: 8px; }
  iframe { border: 0; display: block; background: #fff; }
</style>
</head>
<body>
<div id="app-frame-host"></div>
</body>
</html>`;

export interface TeamsHostServer {
  readonly origin: typeof TEAMS_ORIGIN;
  readonly address: string;
  readonly port: number;
  /** The meeting page the simulator runs in. */
  readonly pageUrl: string;
  close(): Promise<void>;
}

/**
 * Serves the simulated Teams page over HTTPS on 127.0.0.2:443. The host simulator itself is
 * injected into that page by `openInTeams`, so the server holds no state.
 */
export async function startTeamsHostServer(
  certificate: TestCertificate,
  options: { address?: string; port?: number } = {},
): Promise<TeamsHostServer> {
  const address = options.address ?? TEAMS_HOST_ADDRESS;
  const port = options.port ?? TEAMS_HOST_PORT;
  const server: Server = createServer(
    { key: certificate.keyPem, cert: certificate.certPem },
    (request, response) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      if (request.url === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : HOST_PAGE);
    },
  );
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `The Teams host page cannot listen on ${address}:${port} (${error.code}): ${error.message}`,
        ),
      ),
    );
    server.listen(port, address, () => resolve());
  });
  return {
    origin: TEAMS_ORIGIN,
    address,
    port,
    pageUrl: `${TEAMS_ORIGIN}${TEAMS_HOST_PATH}`,
    close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}

const BIND_PROBE = `
const server = require('node:net').createServer();
server.once('error', (error) => { process.stdout.write(error.code || String(error)); process.exit(1); });
server.listen(Number(process.argv[2]), process.argv[1], () => server.close(() => process.exit(0)));
`;

/**
 * Why the Teams harness cannot run here, or null when it can: openssl must exist and
 * 127.0.0.2:443 must be free to bind (root or CAP_NET_BIND_SERVICE). Synchronous so that
 * `describe.skipIf` can use it.
 */
export function teamsHarnessUnavailable(
  address: string = TEAMS_HOST_ADDRESS,
  port: number = TEAMS_HOST_PORT,
): string | null {
  if (!existsSync(OPENSSL_PATH))
    return `openssl is not at ${OPENSSL_PATH} (set OPENSSL_PATH): it makes the test certificate`;
  const probe = spawnSync(process.execPath, ['-e', BIND_PROBE, address, String(port)], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (probe.status === 0) return null;
  const code = probe.stdout.trim() || probe.error?.message || `exit ${probe.status}`;
  const hint =
    code === 'EACCES'
      ? 'binding a port below 1024 needs root or CAP_NET_BIND_SERVICE'
      : code === 'EADDRINUSE'
        ? 'another process holds it'
        : code === 'EADDRNOTAVAIL'
          ? `${address} is not a local address here`
          : 'see the code';
  return `the Teams host page must listen on ${address}:${port} and cannot (${code}: ${hint})`;
}
