/** Where one Cercle deployment lives and which host apps it is registered as. */
export interface Deployment {
  /** `https://HOST[/path]`, without a trailing slash. */
  readonly baseUrl: string;
  /** Host name, with the port when it is not 443: what allow lists and `api://` expect. */
  readonly host: string;
  /** The Teams app's own id (manifest `id`). */
  readonly teamsAppId: string;
  /** Entra application (client) id for Teams SSO; `null` leaves SSO out of the manifest. */
  readonly teamsClientId: string | null;
}

/** Fixed so that regenerating the package updates the same Teams app instead of adding one. */
export const DEFAULT_TEAMS_APP_ID = '89e74af6-b87d-4534-b0d0-deee48c94388';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

export function parseBaseUrl(raw: string | undefined): Parsed<{ baseUrl: string; host: string }> {
  if (raw === undefined || raw.trim() === '') {
    return {
      ok: false,
      message: 'missing --base-url (for example --base-url https://cercle.example.org)',
    };
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: `--base-url is not a URL: ${raw}` };
  }
  // Zoom and Teams load apps over HTTPS only.
  if (url.protocol !== 'https:') {
    return { ok: false, message: `--base-url must start with https:// (got ${url.protocol}//)` };
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return { ok: false, message: '--base-url must not carry credentials, a query or a fragment' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, value: { baseUrl: `${url.origin}${path}`, host: url.host } };
}

export function parseGuid(name: string, raw: string): Parsed<string> {
  const value = raw.trim();
  return GUID.test(value)
    ? { ok: true, value: value.toLowerCase() }
    : { ok: false, message: `${name} must be a GUID such as ${DEFAULT_TEAMS_APP_ID} (got ${raw})` };
}
