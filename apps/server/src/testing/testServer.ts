import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateSessionResponse, JoinResponse } from '@cercle/protocol';
import { type AppOptions, buildApp, type CercleApp } from '../app.ts';
import type { Config } from '../config.ts';

export interface TestServer extends CercleApp {
  readonly url: string;
  readonly dataDir: string;
  /** Stops the server, keeping its data directory for a restart. */
  stop(): Promise<void>;
}

export function makeConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseFile: join(dataDir, 'cercle.sqlite'),
    publicUrl: 'http://cercle.test',
    logLevel: 'silent',
    panelDir: join(dataDir, 'no-panel'),
    sqliteSynchronous: 'NORMAL',
    zoom: null,
    teams: { clientId: null, tenantIds: [] },
    allowedOrigins: ['http://cercle.test'],
    creationsPerMinute: 60,
    connectionsPerAddress: 500,
    trustProxy: false,
    dataKeys: [],
    ...overrides,
  };
}

export function makeDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cercle-server-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real server on an ephemeral port over a real SQLite file. */
export async function startTestServer(
  dataDir: string,
  overrides: Partial<Config> = {},
  options: AppOptions = {},
): Promise<TestServer> {
  const built = await buildApp(makeConfig(dataDir, overrides), options);
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    ...built,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    stop: () => built.app.close(),
  };
}

export async function postJson<T>(
  url: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function createTestSession(
  url: string,
  groupName = 'Cercle des cadres',
): Promise<CreateSessionResponse & { joinToken: string }> {
  const { status, body } = await postJson<CreateSessionResponse>(`${url}/api/sessions`, {
    groupName,
    templateKey: 'remote-2h',
    facilitatorName: 'Awa',
  });
  if (status !== 201) throw new Error(`create failed: ${status} ${JSON.stringify(body)}`);
  const joinToken = body.participantLink.split('#join=')[1] ?? '';
  return { ...body, joinToken };
}

export async function joinTestSession(
  url: string,
  sessionId: string,
  joinToken: string,
  displayName: string,
): Promise<JoinResponse> {
  const { status, body } = await postJson<JoinResponse>(`${url}/api/sessions/${sessionId}/join`, {
    joinToken,
    displayName,
  });
  if (status !== 201) throw new Error(`join failed: ${status} ${JSON.stringify(body)}`);
  return body;
}
