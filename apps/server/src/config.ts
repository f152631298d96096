import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guidSchema, PROTOCOL_LIMITS } from '@cercle/protocol';
import { type DataKey, parseDataKeys } from '@cercle/storage';
import { z } from 'zod';

export const DEFAULT_ZOOM_OAUTH_URL = 'https://zoom.us';
export const DEFAULT_ZOOM_API_URL = 'https://api.zoom.us';

const DEFAULT_PANEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../panel/dist');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PANEL_DIR: z.string().min(1).default(DEFAULT_PANEL_DIR),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  ZOOM_CLIENT_ID: z.string().min(1).optional(),
  ZOOM_CLIENT_SECRET: z.string().min(1).optional(),
  /** Zoom's OAuth server (authorize, token) and REST API; tests point them at a stand-in. */
  ZOOM_OAUTH_URL: z.string().url().default(DEFAULT_ZOOM_OAUTH_URL),
  ZOOM_API_URL: z.string().url().default(DEFAULT_ZOOM_API_URL),
  /** The id in the Teams manifest (`pnpm manifests`): lets browser panels share to a meeting. */
  TEAMS_APP_ID: guidSchema.optional(),
  TEAMS_CLIENT_ID: z.string().min(1).optional(),
  TEAMS_TENANT_IDS: z.string().optional(),
  /** Where Microsoft's token signing keys are read; a local identity provider in tests. */
  TEAMS_JWKS_URL: z.string().url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  /**
   * Which proxies may say who the client is (X-Forwarded-For): a number of hops, or their
   * addresses / CIDR ranges, comma-separated. Unset, nobody: per-address limits use the socket's
   * own address, which a client cannot forge.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|[0-9a-fA-F:./]+(\s*,\s*[0-9a-fA-F:./]+)*)$/, 'a hop count or addresses/CIDRs')
    .optional(),
  /** Sessions and joins one address may create a minute; raise it for load tests. */
  CREATIONS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Open sockets one address may hold; a whole administration may share one proxy. */
  CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(500),
  /** `id:base64key[,id:base64key…]`: the first encrypts, all decrypt (rotation). */
  DATA_ENCRYPTION_KEY: z.string().min(1).optional(),
  /** `postgres://…` selects PostgreSQL instead of the embedded SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** A schema of that database to use instead of `public` (several deployments, tests). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _')
    .optional(),
  /** `redis://…`: the channel through which several instances hear each other's events. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  /** Names this instance in logs and metrics; defaults to host name and process id. */
  INSTANCE_ID: z.string().min(1).max(100).optional(),
  /** With several instances: within this time, the people of an instance that died are offline. */
  INSTANCE_TTL_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  /** When set, GET /metrics asks for this bearer token. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Bytes of text one person may send one session a minute (WRITE_VOLUME by default). */
  WRITE_BYTES_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(PROTOCOL_LIMITS.clientFrameMaxBytes)
    .optional(),
  /** Bytes a session's log holds before it is folded into its snapshot (WRITE_VOLUME). */
  LOG_COMPACT_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .optional(),
  /** Milliseconds a session nobody has open stays in memory (ROOM_IDLE_EVICTION_MS by default). */
  ROOM_IDLE_MS: z.coerce.number().int().min(10).max(86_400_000).optional(),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** SQLite file, or ':memory:' in tests. */
  readonly databaseFile: string;
  readonly publicUrl: string;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly panelDir: string;
  readonly sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Null until both Zoom variables are set: the Zoom routes then explain what is missing. */
  readonly zoom: {
    readonly clientId: string;
    readonly clientSecret: string;
    /** Zoom's OAuth server, without a trailing slash; `DEFAULT_ZOOM_OAUTH_URL` when absent. */
    readonly oauthUrl?: string;
    /** Zoom's REST API, without a trailing slash; `DEFAULT_ZOOM_API_URL` when absent. */
    readonly apiUrl?: string;
  } | null;
  /** Teams SSO is on when a client id is set; tenants listed restrict who may sign in. */
  readonly teams: {
    /** Cercle's Teams app id, when the deployment says which it is. */
    readonly appId?: string;
    readonly clientId: string | null;
    readonly tenantIds: readonly string[];
    readonly jwksUrl?: string;
  };
  /** Browser origins allowed to open the WebSocket: PUBLIC_URL's, plus any listed. */
  readonly allowedOrigins: readonly string[];
  readonly creationsPerMinute: number;
  readonly connectionsPerAddress: number;
  /** Proxies trusted for the client's address: hops or addresses; false for none. */
  readonly trustProxy: false | number | readonly string[];
  /** Keys that encrypt stored events and snapshots; empty to store them as they are. */
  readonly dataKeys: readonly DataKey[];
  /** PostgreSQL instead of SQLite when set. */
  readonly database?: { readonly url: string; readonly schema: string | null };
  /** Several instances share events through Redis when set. */
  readonly redisUrl?: string;
  readonly instanceId?: string;
  /** Within this time the people of an instance that stopped answering are marked offline. */
  readonly instanceTtlMs?: number;
  readonly metricsToken?: string;
  /** Overrides of WRITE_VOLUME (apps/server/src/rooms/writeVolume.ts), in bytes. */
  readonly writeBytesPerMinute?: number;
  readonly logBytesBeforeCompaction?: number;
  /** How long a room with no panel stays in memory (ROOM_IDLE_EVICTION_MS when absent). */
  readonly roomIdleMs?: number;
}

/** The one place the environment is read. Throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL)
    throw new Error(
      'Invalid configuration:\n  REDIS_URL needs DATABASE_URL: instances can only share a PostgreSQL database, not SQLite files',
    );
  if (Boolean(e.ZOOM_CLIENT_ID) !== Boolean(e.ZOOM_CLIENT_SECRET))
    throw new Error('Invalid configuration:\n  ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET go together');
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseFile: join(resolve(e.DATA_DIR), 'cercle.sqlite'),
    publicUrl,
    logLevel: e.LOG_LEVEL,
    panelDir: resolve(e.PANEL_DIR),
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    zoom:
      e.ZOOM_CLIENT_ID && e.ZOOM_CLIENT_SECRET
        ? {
            clientId: e.ZOOM_CLIENT_ID,
            clientSecret: e.ZOOM_CLIENT_SECRET,
            oauthUrl: e.ZOOM_OAUTH_URL.replace(/\/+$/, ''),
            apiUrl: e.ZOOM_API_URL.replace(/\/+$/, ''),
          }
        : null,
    creationsPerMinute: e.CREATIONS_PER_MINUTE,
    connectionsPerAddress: e.CONNECTIONS_PER_ADDRESS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    dataKeys: e.DATA_ENCRYPTION_KEY ? parseDataKeys(e.DATA_ENCRYPTION_KEY) : [],
    ...(e.DATABASE_URL
      ? { database: { url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA ?? null } }
      : {}),
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    instanceTtlMs: e.INSTANCE_TTL_MS,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    ...(e.WRITE_BYTES_PER_MINUTE ? { writeBytesPerMinute: e.WRITE_BYTES_PER_MINUTE } : {}),
    ...(e.LOG_COMPACT_BYTES ? { logBytesBeforeCompaction: e.LOG_COMPACT_BYTES } : {}),
    ...(e.ROOM_IDLE_MS ? { roomIdleMs: e.ROOM_IDLE_MS } : {}),
    allowedOrigins: [
      ...originsOf(publicUrl),
      ...(e.ALLOWED_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    ],
    teams: {
      clientId: e.TEAMS_CLIENT_ID ?? null,
      tenantIds: (e.TEAMS_TENANT_IDS ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
      ...(e.TEAMS_JWKS_URL ? { jwksUrl: e.TEAMS_JWKS_URL } : {}),
      ...(e.TEAMS_APP_ID ? { appId: e.TEAMS_APP_ID } : {}),
    },
  };
}

function parseTrustProxy(raw: string | undefined): false | number | readonly string[] {
  if (raw === undefined) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.split(',').map((entry) => entry.trim());
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The browser origins of PUBLIC_URL. A loopback address is one machine under several names: the
 * server logs 127.0.0.1 while the default PUBLIC_URL says localhost, so each of them may connect.
 */
function originsOf(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  if (!LOOPBACK_NAMES.includes(url.hostname)) return [url.origin];
  const port = url.port ? `:${url.port}` : '';
  return LOOPBACK_NAMES.map((name) => `${url.protocol}//${name}${port}`);
}
