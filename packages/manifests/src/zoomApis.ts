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
  // The host's set-up: the meeting's number, which a recurring meeting keeps, finds its group.
  'getMeetingContext',
  // Collaborate mode: the facilitator brings everyone into Cercle together.
  'startCollaborate',
  'joinCollaborate',
  'leaveCollaborate',
  'endCollaborate',
  'onCollaborateChange',
  // The meeting chat: the session's link, and at the end where each person's summary is.
  'sendMessageToChat',
  // Zoom's own notifications, for a person whose panel is out of sight.
  'showNotification',
  'onAppVisibilityChange',
  // The facilitator's opt-in speaking balance.
  'onActiveSpeakerChange',
] as const;
export type ZoomAppApi = (typeof ZOOM_APP_APIS)[number];

/** What Collaborate mode needs (Zoom's Collaborate guide): the manifest turns the mode on with them. */
export const ZOOM_COLLABORATE_APIS = [
  'startCollaborate',
  'joinCollaborate',
  'leaveCollaborate',
  'endCollaborate',
  'onCollaborateChange',
] as const satisfies readonly ZoomAppApi[];

/** True when the list above uses Collaborate mode: the manifest's `collaborate_mode.enable`. */
export function usesCollaborateMode(apis: readonly string[] = ZOOM_APP_APIS): boolean {
  return ZOOM_COLLABORATE_APIS.some((api) => apis.includes(api));
}
