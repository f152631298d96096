export {
  CLOCK_SAMPLES_KEPT,
  type ClockEstimate,
  ClockOffsetEstimator,
  type ClockSample,
  estimateFromSample,
} from './clockOffset.ts';
export {
  commandSchema,
  displayNameSchema,
  eventSchema,
  groupNameSchema,
  noteTextSchema,
  parseView,
  personSchema,
  stageSchema,
  timerSchema,
  viewSchema,
} from './domainSchemas.ts';
export { CloseCode, ErrorCode, FINAL_CLOSE_CODES } from './errorCode.ts';
export * from './hostHttp.ts';
export * from './hostOrigins.ts';
export * from './http.ts';
export * from './ids.ts';
export { PROTOCOL_LIMITS, PROTOCOL_VERSION } from './limits.ts';
export * from './messages.ts';
export {
  describeIssues,
  type ParseResult,
  parseClientMessage,
  parseServerMessage,
} from './parse.ts';
