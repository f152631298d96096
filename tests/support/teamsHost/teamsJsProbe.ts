import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestCertificate } from './certificate.ts';
import { CERCLE_HOSTNAME } from './teamsBrowser.ts';
import { startTlsFront } from './tlsFront.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The Content-Security-Policy the probe page is served with unless told otherwise. */
export const PROBE_DEFAULT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  'frame-ancestors https://teams.microsoft.com',
].join('; ');

export interface TeamsJsProbe {
  /** `https://cercle.example.org:<port>/probe`: a blank tab page with the real teams-js loaded. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A tab page independent of Cercle's code: it only loads the same teams-js the panel bundles
 * (the UMD build, global `microsoftTeams`), so a test drives the library from `frame.evaluate`
 * and checks the simulator without the panel in the way. Served behind its own TLS front under
 * Cercle's test name.
 */
export async function startTeamsJsProbe(
  certificate: TestCertificate,
  options: { csp?: string } = {},
): Promise<TeamsJsProbe> {
  const requireFromPanel = createRequire(join(ROOT, 'apps/panel/package.json'));
  const library = readFileSync(requireFromPanel.resolve('@microsoft/teams-js'), 'utf8');
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>teams-js probe</title>
<script src="/teams-js.js"></script></head>
<body><main data-testid="probe">teams-js probe</main></body></html>`;
  const csp = options.csp ?? PROBE_DEFAULT_CSP;
  const server = createServer((request, response) => {
    const headers = { 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' };
    if (request.url === '/teams-js.js') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(library);
    } else if (request.url?.startsWith('/probe')) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    } else {
      response.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const front = await startTlsFront(certificate, { backendPort: port });
  return {
    url: `https://${CERCLE_HOSTNAME}:${front.port}/probe`,
    async close() {
      await front.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
