import { type ServerProcess, startServer } from '../serverProcess.ts';
import { createTestCertificate, type TestCertificate } from './certificate.ts';
import {
  CERCLE_HOSTNAME,
  launchTeamsBrowser,
  type StorageMode,
  type TeamsBrowser,
} from './teamsBrowser.ts';
import {
  startTeamsHostServer,
  TEAMS_HOST_ADDRESS,
  TEAMS_HOSTNAME,
  type TeamsHostServer,
} from './teamsHostServer.ts';
import { startTlsFront, type TlsFront } from './tlsFront.ts';

export { createTestCertificate, type TestCertificate } from './certificate.ts';
export type {
  AuthTokenAnswer,
  FrameContext,
  SaveResult,
  SimulatorSnapshot,
  TabInstanceConfig,
  TeamsCall,
  TeamsHostEvent,
  TeamsMeeting,
  TeamsTheme,
  TeamsUser,
} from './hostSimulator.ts';
export {
  openInTeams,
  type StorageProbe,
  TEAMS_TEST_APP_ID,
  TEAMS_TEST_MEETING,
  TEAMS_USERS,
  type TeamsTab,
  type TeamsTabOptions,
} from './openInTeams.ts';
export {
  CERCLE_HOSTNAME,
  type CspViolation,
  hostResolverRules,
  launchTeamsBrowser,
  type StorageMode,
  type TeamsBrowser,
} from './teamsBrowser.ts';
export {
  startTeamsHostServer,
  TEAMS_HOST_ADDRESS,
  TEAMS_ORIGIN,
  type TeamsHostServer,
  teamsHarnessUnavailable,
} from './teamsHostServer.ts';
export { startTlsFront, type TlsFront } from './tlsFront.ts';

export interface TeamsHarness {
  readonly certificate: TestCertificate;
  readonly front: TlsFront;
  readonly teamsHost: TeamsHostServer;
  /** `https://cercle.example.org:<front port>`: Cercle's PUBLIC_URL and the tab URLs' origin. */
  readonly cercleOrigin: string;
  /** `cercleOrigin` + path. */
  cercleUrl(path: string): string;
  /** Starts Cercle's server with PUBLIC_URL = cercleOrigin and puts it behind the front. */
  startCercle(options?: Parameters<typeof startServer>[0]): Promise<ServerProcess>;
  /** A fresh Chromium profile for one storage mode. */
  launchBrowser(storage: StorageMode, options?: { locale?: string }): Promise<TeamsBrowser>;
  /** Closes the front and the Teams page server and removes the certificate. */
  close(): Promise<void>;
}

/**
 * Everything but the browser: a certificate for both names, the TLS front (its port is Cercle's
 * PUBLIC_URL port, so it comes first) and the Teams page on 127.0.0.2:443.
 */
export async function startTeamsHarness(
  options: {
    /** Where teams.microsoft.com resolves to; another loopback address keeps suites apart. */
    teamsAddress?: string;
  } = {},
): Promise<TeamsHarness> {
  const teamsAddress = options.teamsAddress ?? TEAMS_HOST_ADDRESS;
  const certificate = createTestCertificate([TEAMS_HOSTNAME, CERCLE_HOSTNAME]);
  let front: TlsFront | undefined;
  try {
    front = await startTlsFront(certificate);
    const teamsHost = await startTeamsHostServer(certificate, { address: teamsAddress });
    const cercleOrigin = `https://${CERCLE_HOSTNAME}:${front.port}`;
    const tls = front;
    return {
      certificate,
      front: tls,
      teamsHost,
      cercleOrigin,
      cercleUrl: (path) => `${cercleOrigin}${path.startsWith('/') ? '' : '/'}${path}`,
      async startCercle(options = {}) {
        const server = await startServer({
          ...options,
          env: { ...options.env, PUBLIC_URL: cercleOrigin },
        });
        tls.setBackend(server.port);
        return server;
      },
      launchBrowser: (storage, browserOptions = {}) =>
        launchTeamsBrowser({ certificate, storage, teamsAddress, ...browserOptions }),
      async close() {
        await Promise.all([tls.close(), teamsHost.close()]);
        certificate.dispose();
      },
    };
  } catch (error) {
    await front?.close();
    certificate.dispose();
    throw error;
  }
}
