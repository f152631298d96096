import { describe, expect, it } from 'vitest';
import { DEFAULT_TEAMS_APP_ID } from './deployment.ts';
import { parseCliArgs } from './parseCliArgs.ts';

const APP_ID = '0c1d2e3f-4a5b-4c6d-8e7f-901234567890';
const CLIENT_ID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

function parse(args: string, env: Record<string, string> = {}) {
  return parseCliArgs(args.split(' ').filter(Boolean), env);
}

function messageOf(result: ReturnType<typeof parse>): string {
  return result.ok === false ? result.message : `unexpected success: ${JSON.stringify(result)}`;
}

describe('parseCliArgs', () => {
  it('reads the deployment from the base URL, with defaults for Teams', () => {
    expect(parse('--base-url https://cercle.example.org/ --out dist/hosts')).toEqual({
      ok: true,
      value: {
        deployment: {
          baseUrl: 'https://cercle.example.org',
          host: 'cercle.example.org',
          teamsAppId: DEFAULT_TEAMS_APP_ID,
          teamsClientId: null,
        },
        outDir: 'dist/hosts',
      },
    });
  });

  it('keeps a base path and a non-default port', () => {
    const result = parse('--base-url https://example.org:8443/cercle// --out o');

    expect(result.ok === true && result.value.deployment).toMatchObject({
      baseUrl: 'https://example.org:8443/cercle',
      host: 'example.org:8443',
    });
  });

  it('takes Teams ids from the environment, and flags over the environment', () => {
    const env = { TEAMS_APP_ID: APP_ID, TEAMS_CLIENT_ID: CLIENT_ID };
    const fromEnv = parse('--base-url https://a.example --out o', env);
    const fromFlag = parse(`--base-url https://a.example --out o --teams-app-id ${CLIENT_ID}`, env);

    expect(fromEnv.ok === true && fromEnv.value.deployment).toMatchObject({
      teamsAppId: APP_ID,
      teamsClientId: CLIENT_ID,
    });
    expect(fromFlag.ok === true && fromFlag.value.deployment.teamsAppId).toBe(CLIENT_ID);
  });

  it('ignores a leading -- forwarded by a package manager', () => {
    expect(parse('-- --base-url https://a.example --out o').ok).toBe(true);
  });

  it.each([
    ['a missing base URL', '--out o', /missing --base-url/],
    ['an http base URL', '--base-url http://a.example --out o', /https/],
    ['a base URL that is not a URL', '--base-url a.example --out o', /not a URL/],
    ['a base URL with a query', '--base-url https://a.example/?x=1 --out o', /query/],
    ['a missing output folder', '--base-url https://a.example', /--out/],
    [
      'a Teams app id that is not a GUID',
      '--base-url https://a.example --out o --teams-app-id x',
      /GUID/,
    ],
    ['an unknown option', '--base-url https://a.example --out o --zoom-secret s', /zoom-secret/],
  ])('refuses %s with a clear message', (_, args, message) => {
    expect(messageOf(parse(args))).toMatch(message);
  });

  it('asks for help', () => {
    expect(parse('--help')).toEqual({ ok: 'help' });
  });
});
