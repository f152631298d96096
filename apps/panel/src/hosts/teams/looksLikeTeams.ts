/**
 * Teams may only open pages whose URL says so: the manifest's pages live under /teams/ or carry
 * host=teams. Apart from the Teams client, so a browser's first paint does not carry it.
 */
export function looksLikeTeams(url: URL): boolean {
  return url.pathname.startsWith('/teams/') || url.searchParams.get('host') === 'teams';
}
