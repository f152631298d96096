export type { JWTVerifyGetKey } from 'jose';
export {
  createMicrosoftJwks,
  MICROSOFT_JWKS_URL,
  TEAMS_CLOCK_TOLERANCE_SECONDS,
  TEAMS_SSO_SCOPE,
  type TeamsIdentity,
  TeamsTokenError,
  teamsAudiencesFor,
  teamsIssuersFor,
  type VerifyTeamsTokenOptions,
  type VerifyTeamsTokenResult,
  verifyTeamsToken,
} from './teams/verifyTeamsToken.ts';
export {
  type DecodeZoomAppContextOptions,
  type DecodeZoomAppContextResult,
  decodeZoomAppContext,
  normaliseZoomRole,
  ZOOM_CONTEXT_ISSUER,
  ZOOM_CONTEXT_MAX_CHARS,
  type ZoomAppContext,
  ZoomContextError,
  ZoomRole,
} from './zoom/decodeZoomAppContext.ts';
