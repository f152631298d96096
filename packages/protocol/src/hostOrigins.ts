/**
 * The hosts that frame Cercle, as CSP source patterns: the server's `frame-ancestors` and the
 * panel's "am I inside Teams?" both read them from here.
 */

/** Zoom's clients, which frame the Home URL. */
export const ZOOM_FRAME_ANCESTORS = ['https://*.zoom.us'] as const;

/**
 * Every Microsoft 365 host that may frame a Teams tab, from Microsoft's "tab requirements" (Teams,
 * the Microsoft 365 app and Outlook, the cloud.microsoft move, Teams free, the government clouds).
 */
export const MICROSOFT_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office365.com',
  'https://teams.live.com',
  'https://*.teams.live.com',
  'https://gov.teams.microsoft.us',
  'https://dod.teams.microsoft.us',
  'https://*.teams.microsoft.us',
] as const;

/** teams-js fetches the list of Microsoft's host origins it trusts from this CDN. */
export const TEAMS_JS_CONNECT_SOURCES = ['https://res.cdn.office.net'] as const;

/**
 * True when `origin` (`scheme://host[:port]`, as browsers serialise it) matches one of the CSP
 * source `patterns` (`https://host` or `https://*.suffix`): https, default port, exact host or a
 * sub-domain of the wildcard's suffix.
 */
export function matchesOriginPattern(origin: string, patterns: readonly string[]): boolean {
  const match = /^https:\/\/([a-z0-9.-]+)$/i.exec(origin);
  const host = match?.[1]?.toLowerCase();
  if (!host) return false;
  return patterns.some((pattern) => {
    const expected = pattern.replace(/^https:\/\//, '');
    if (expected.startsWith('*.')) return host.endsWith(expected.slice(1));
    return host === expected;
  });
}
