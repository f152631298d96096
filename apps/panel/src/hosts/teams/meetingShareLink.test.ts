import { describe, expect, it } from 'vitest';
import { meetingShareLink } from './meetingShareLink.ts';

describe('the Teams "Share in meeting" deep link', () => {
  it('carries the app, the URL to put on the stage, and the meeting flag, encoded', () => {
    const link = new URL(
      meetingShareLink({
        appId: '89e74af6-b87d-4534-b0d0-deee48c94388',
        url: 'https://cercle.example.org/s/abc?host=teams&view=stage#stage=T0K3N&x=1',
        deeplinkId: '0b9c5d1e-7a4f-4c2b-9e8d-1f2a3b4c5d6e',
      }),
    );
    expect(link.origin + link.pathname).toBe('https://teams.microsoft.com/l/meeting-share');
    expect(link.searchParams.get('lm')).toBe('deeplink');
    expect(link.searchParams.get('fqdn')).toBe('teams.microsoft.com');
    expect(link.searchParams.get('deeplinkId')).toBe('0b9c5d1e-7a4f-4c2b-9e8d-1f2a3b4c5d6e');
    expect(JSON.parse(link.searchParams.get('appContext') ?? '')).toEqual({
      appSharingUrl: 'https://cercle.example.org/s/abc?host=teams&view=stage#stage=T0K3N&x=1',
      appId: '89e74af6-b87d-4534-b0d0-deee48c94388',
      useMeeting: 'true',
    });
  });
});
