import { parseArgs } from 'node:util';
import {
  DEFAULT_TEAMS_APP_ID,
  type Deployment,
  type Parsed,
  parseBaseUrl,
  parseGuid,
} from './deployment.ts';

export const USAGE = `Usage: pnpm manifests --base-url https://HOST --out DIR [--teams-app-id GUID] [--teams-client-id GUID]

Writes DIR/zoom-app-manifest.json and DIR/teams-app.zip for the deployment at --base-url.
  --base-url         public HTTPS address of the Cercle server
  --out              folder to write into (created if needed)
  --teams-app-id     Teams app id (default: $TEAMS_APP_ID, else ${DEFAULT_TEAMS_APP_ID})
  --teams-client-id  Entra application id for Teams SSO (default: $TEAMS_CLIENT_ID; none: no SSO)`;

export interface CliRequest {
  readonly deployment: Deployment;
  readonly outDir: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function parseCliArgs(
  argv: readonly string[],
  env: Env,
): Parsed<CliRequest> | { ok: 'help' } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      // A lone `--` may come through when the command is forwarded by a package manager.
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      options: {
        'base-url': { type: 'string' },
        out: { type: 'string' },
        'teams-app-id': { type: 'string' },
        'teams-client-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help === true) return { ok: 'help' };

  const base = parseBaseUrl(values['base-url'] as string | undefined);
  if (!base.ok) return base;

  const out = (values.out as string | undefined)?.trim();
  if (!out) return { ok: false, message: 'missing --out DIR' };

  const appId = parseGuid(
    '--teams-app-id',
    (values['teams-app-id'] as string | undefined) ??
      nonEmpty(env.TEAMS_APP_ID) ??
      DEFAULT_TEAMS_APP_ID,
  );
  if (!appId.ok) return appId;

  const rawClientId =
    (values['teams-client-id'] as string | undefined) ?? nonEmpty(env.TEAMS_CLIENT_ID);
  const clientId = rawClientId === undefined ? null : parseGuid('--teams-client-id', rawClientId);
  if (clientId !== null && !clientId.ok) return clientId;

  return {
    ok: true,
    value: {
      deployment: {
        ...base.value,
        teamsAppId: appId.value,
        teamsClientId: clientId === null ? null : clientId.value,
      },
      outDir: out,
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
