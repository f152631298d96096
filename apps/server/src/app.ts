import { createMicrosoftJwks, type JWTVerifyGetKey } from '@cercle/host-auth';
import { CloseCode, PROTOCOL_LIMITS } from '@cercle/protocol';
import type { SessionStore } from '@cercle/storage';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Fanout, SOLO_FANOUT } from './cluster/fanout.ts';
import { NO_PRESENCE_OWNERS, type PresenceOwners } from './cluster/presenceOwners.ts';
import { createRedisFanout } from './cluster/redisFanout.ts';
import { createRedisPresenceOwners, INSTANCE_TTL_MS } from './cluster/redisPresenceOwners.ts';
import { startResyncMonitor } from './cluster/resyncMonitor.ts';
import type { Config } from './config.ts';
import { registerTeamsRoutes } from './hosts/teams/teamsRoutes.ts';
import { registerZoomRoutes } from './hosts/zoom/zoomRoutes.ts';
import { registerAddressRoute } from './http/addressRoute.ts';
import { registerDeviceLinkRoutes } from './http/deviceLinkRoutes.ts';
import { registerFileLinkRoutes } from './http/fileLinkRoutes.ts';
import { registerGroupRoutes } from './http/groupRoutes.ts';
import { sendError } from './http/httpError.ts';
import { registerLegalRoutes } from './http/legalRoutes.ts';
import { registerOpsRoutes } from './http/opsRoutes.ts';
import { registerPanelRoutes } from './http/panelRoutes.ts';
import { registerRateLimits } from './http/rateLimit.ts';
import { registerSecurityHeaders } from './http/securityHeaders.ts';
import { registerSessionRoutes } from './http/sessionRoutes.ts';
import { registerStageRoutes } from './http/stageRoutes.ts';
import { useZodSchemas } from './http/zodRoutes.ts';
import { startRetentionSweeps, sweepRetention } from './jobs/retentionSweep.ts';
import { instrumentStore } from './metrics/instrumentStore.ts';
import { createMetrics, type Metrics } from './metrics/metrics.ts';
import { openStore } from './openStore.ts';
import { Rooms } from './rooms/rooms.ts';
import { handleSocketError } from './ws/socketErrors.ts';
import { registerSocketRoute, WS_MAX_PAYLOAD_BYTES } from './ws/socketRoute.ts';

export interface AppOptions {
  /** The clock; tests pass their own. */
  readonly now?: () => number;
  /** A store to use instead of opening the configured database. */
  readonly store?: SessionStore;
  /** Signing keys for Teams tokens instead of Microsoft's (tests). */
  readonly teamsKeys?: JWTVerifyGetKey;
  /** Where log lines go instead of standard output (tests read them). */
  readonly logStream?: { write(line: string): void };
}

export interface CercleApp {
  readonly app: FastifyInstance;
  readonly store: SessionStore;
  readonly rooms: Rooms;
  readonly metrics: Metrics;
}

/** Fastify's form of TRUST_PROXY: a hop count as the hops to believe, addresses as they are. */
function trustedProxies(
  trust: Config['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

/** Builds the whole service without listening: tests call it directly, server.ts listens. */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<CercleApp> {
  const now = options.now ?? Date.now;
  const instanceId = config.instanceId ?? 'solo';
  let isClosing = false;

  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Secrets travel in headers and link fragments, never in logs.
      redact: [
        'req.headers.authorization',
        'req.headers["x-zoom-app-context"]',
        'req.headers.cookie',
      ],
      serializers: {
        // A file link in `?access=` opens someone's file: it stays out of the logs too.
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          url: request.url.replace(/([?&]access=)[^&]*/g, '$1…'),
          remoteAddress: request.ip,
        }),
      },
    },
    bodyLimit: PROTOCOL_LIMITS.httpBodyMaxBytes,
    // Off unless TRUST_PROXY names the proxies: a forged X-Forwarded-For must not escape the limits.
    trustProxy: trustedProxies(config.trustProxy),
  });

  // Rooms and the broker refer to each other: notices reach the rooms once both exist.
  let live: Rooms | null = null;
  const metrics = createMetrics(
    {
      connections: () => app.websocketServer?.clients.size ?? 0,
      sessions: () => live?.size ?? 0,
    },
    instanceId,
  );
  const store = instrumentStore(options.store ?? (await openStore(config)), metrics);
  // Several instances hear each other through Redis; alone, an instance needs nobody.
  const fanout: Fanout = config.redisUrl
    ? await createRedisFanout({
        url: config.redisUrl,
        instanceId,
        log: app.log,
        listener: {
          onNotice: (notice) => {
            metrics.notices.inc({ direction: 'in' });
            live?.hear(notice);
          },
          onResync: () => void live?.catchUpAll(),
        },
      })
    : SOLO_FANOUT;
  // Rooms and presence owners refer to each other too: orphans wait for the rooms.
  let roomsBuilt: (rooms: Rooms) => void = () => undefined;
  const roomsReady = new Promise<Rooms>((resolve) => {
    roomsBuilt = resolve;
  });
  const presenceOwners: PresenceOwners = config.redisUrl
    ? await createRedisPresenceOwners({
        url: config.redisUrl,
        instanceId,
        ttlMs: config.instanceTtlMs ?? INSTANCE_TTL_MS,
        log: app.log,
        onOrphaned: async (sessionId, personId) =>
          (await roomsReady).markOrphanedOffline(sessionId, personId),
      })
    : NO_PRESENCE_OWNERS;
  const rooms = new Rooms(store, now, {
    fanout,
    presenceOwners,
    instanceId,
    onCommitNotice: () => metrics.notices.inc({ direction: 'out' }),
    onError: (error, sessionId) =>
      app.log.warn({ err: error, sessionId }, 'could not follow another instance'),
    ...(config.logBytesBeforeCompaction
      ? { logBytesBeforeCompaction: config.logBytesBeforeCompaction }
      : {}),
    ...(config.roomIdleMs ? { idleEvictionMs: config.roomIdleMs } : {}),
  });
  live = rooms;
  roomsBuilt(rooms);
  const stopResync = rooms.isShared
    ? startResyncMonitor(
        store,
        () => rooms.catchUpAll(),
        (isUp) =>
          app.log.warn({ isUp }, isUp ? 'database back: catching up' : 'database unreachable'),
      )
    : () => undefined;

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendError(reply, 500, 'internal', 'Something went wrong on the server.');
    }
    return sendError(
      reply,
      status,
      status === 429 ? 'rateLimited' : 'invalidRequest',
      error.message,
    );
  });

  registerSecurityHeaders(app);
  await registerRateLimits(app, config.redisUrl ? { redisUrl: config.redisUrl } : {});
  useZodSchemas(app);
  app.decorateRequest('seat', null);
  await app.register(fastifyWebsocket, {
    options: { maxPayload: WS_MAX_PAYLOAD_BYTES },
    errorHandler: handleSocketError,
  });

  registerOpsRoutes(app, {
    store,
    fanout,
    metrics,
    metricsToken: config.metricsToken,
    isClosing: () => isClosing,
  });
  registerSessionRoutes(app, {
    store,
    rooms,
    publicUrl: config.publicUrl,
    now,
    creationsPerMinute: config.creationsPerMinute,
  });
  registerGroupRoutes(app, { store, rooms, publicUrl: config.publicUrl, now });
  registerStageRoutes(app, { store, rooms, publicUrl: config.publicUrl, now });
  registerFileLinkRoutes(app, { store, rooms, publicUrl: config.publicUrl, now });
  registerDeviceLinkRoutes(app, { store, rooms, publicUrl: config.publicUrl, now });
  registerAddressRoute(app, config.publicUrl);
  registerZoomRoutes(app, { config, store, rooms, now });
  registerTeamsRoutes(app, {
    config,
    store,
    rooms,
    now,
    keys:
      options.teamsKeys ??
      (config.teams.clientId ? createMicrosoftJwks(config.teams.jwksUrl) : null),
  });
  registerLegalRoutes(app);
  registerSocketRoute(app, {
    store,
    rooms,
    now,
    isClosing: () => isClosing,
    allowedOrigins: config.allowedOrigins,
    connectionsPerAddress: config.connectionsPerAddress,
    metrics,
    ...(config.writeBytesPerMinute
      ? { limits: { writeBytesPerMinute: config.writeBytesPerMinute } }
      : {}),
  });
  await registerPanelRoutes(app, config.panelDir);

  const sweeps = startRetentionSweeps(() => sweepRetention(store, rooms, now()), app.log);
  app.addHook('onReady', async () => {
    void sweeps.runNow();
  });

  app.addHook('preClose', async () => {
    sweeps.stop();
    stopResync();
    isClosing = true;
    // Panels reconnect by themselves on this code.
    await rooms.closeAll(CloseCode.serviceRestart, 'server restarting');
    for (const client of app.websocketServer?.clients ?? [])
      client.close(CloseCode.serviceRestart, 'server restarting');
  });
  app.addHook('onClose', async () => {
    await presenceOwners.close();
    await fanout.close();
    await store.close();
  });

  return { app, store, rooms, metrics };
}
