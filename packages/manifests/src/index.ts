export {
  buildTeamsManifest,
  buildTeamsPackage,
  buildZoomManifest,
  MANIFESTS_DIR,
  TEAMS_PACKAGE_FILE,
  teamsPackageFiles,
  writeManifests,
  ZOOM_MANIFEST_FILE,
} from './buildManifests.ts';
export { DEFAULT_TEAMS_APP_ID, type Deployment, parseBaseUrl } from './deployment.ts';
export { HOST_ROUTES } from './hostRoutes.ts';
export type { TeamsAppManifest, ZoomAppManifest } from './manifestTypes.ts';
export { ACCENT_COLOR, TEAMS_COLOR_ICON_PX, TEAMS_OUTLINE_ICON_PX } from './teamsIcons.ts';
export {
  usesCollaborateMode,
  ZOOM_APP_APIS,
  ZOOM_COLLABORATE_APIS,
  type ZoomAppApi,
} from './zoomApis.ts';
