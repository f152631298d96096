/**
 * Paths the manifests point the Zoom and Teams clients at; the server must answer each of them.
 * Browser-safe: import it as `@cercle/manifests/hostRoutes`.
 */
export const HOST_ROUTES = {
  /** Zoom's Home URL, requested with the `x-zoom-app-context` header. */
  zoomHome: '/zoom/home',
  /** OAuth redirect after someone adds the app from the Zoom Marketplace. */
  zoomInstall: '/zoom/install',
  /** Teams configurable tab: configuration page. */
  teamsConfig: '/teams/config',
  privacy: '/privacy',
  terms: '/terms',
} as const;
