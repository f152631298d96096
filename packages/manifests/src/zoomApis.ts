/**
 * The Zoom Apps SDK APIs the panel calls. The manifest enables exactly these, and the panel passes
 * the same list to `zoomSdk.config({ capabilities })`: one list, so neither can drift.
 * Browser-safe: import it as `@cercle/manifests/zoomApis`.
 */
export const ZOOM_APP_APIS = [
  'getUserContext',
  'onMyUserContextChange',
  'sendAppInvitationToAllParticipants',
] as const;
export type ZoomAppApi = (typeof ZOOM_APP_APIS)[number];
