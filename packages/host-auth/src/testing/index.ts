export {
  type EncryptZoomAppContextOptions,
  encryptZoomAppContext,
  makeZoomContextPayload,
  type ZoomContextPayloadInput,
} from './encryptZoomAppContext.ts';
export {
  createTeamsTestKeys,
  makeTeamsClaims,
  TEST_TENANT_ID,
  type TeamsClaimsInput,
  type TeamsTestKeys,
} from './teamsTestTokens.ts';
