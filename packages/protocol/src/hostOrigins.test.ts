import { describe, expect, it } from 'vitest';
import { MICROSOFT_FRAME_ANCESTORS, matchesOriginPattern } from './hostOrigins.ts';

describe('Microsoft host origins', () => {
  it.each([
    ['https://teams.microsoft.com', true],
    ['https://teams.cloud.microsoft', true],
    ['https://outlook.office.com', true],
    ['https://www.microsoft365.com', true],
    ['https://teams.live.com', true],
    ['https://gov.teams.microsoft.us', true],
    ['http://teams.microsoft.com', false],
    ['https://teams.microsoft.com:8443', false],
    ['https://teams.microsoft.com.evil.example', false],
    ['https://evilteams.microsoft.com.example', false],
    ['https://cloud.microsoft.evil.example', false],
    ['not a url', false],
  ])('%s is a Teams host: %s', (origin, expected) => {
    expect(matchesOriginPattern(origin, MICROSOFT_FRAME_ANCESTORS)).toBe(expected);
  });
});
