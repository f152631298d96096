/**
 * The Zoom Apps SDK APIs and events the panel uses. The manifest enables exactly these, and the
 * panel passes the same list to `zoomSdk.config({ capabilities })`: one list, so neither can drift.
 * Browser-safe: import it as `@cercle/manifests/zoomApis`.
 */
export const ZOOM_APP_APIS = [
  'getRunningContext',
  'onRunningContextChange',
  'getUserContext',
  'onMyUserContextChange',
  'getAppContext',
  'onBreakoutRoomChange',
  'sendAppInvitationToAllParticipants',
  'openUrl',
] as const;
export type ZoomAppApi = (typeof ZOOM_APP_APIS)[number];
