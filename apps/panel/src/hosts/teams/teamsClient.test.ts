import { describe, expect, it } from 'vitest';
import { callMeeting, framingOf } from './teamsClient.ts';

function framed(ancestors: string[] | undefined) {
  const win = {
    parent: {} as Window,
    location: { ancestorOrigins: ancestors } as unknown as Location,
  };
  return win;
}

describe('where the page runs, known before asking Teams', () => {
  it('a top-level page is a browser: Teams always frames a tab', () => {
    const win = { location: {} as Location } as { parent: unknown; location: Location };
    win.parent = win;
    expect(framingOf(win as Pick<Window, 'parent' | 'location'>)).toBe('top');
  });

  it.each([
    [['https://teams.microsoft.com'], 'teams'],
    [['https://teams.cloud.microsoft', 'https://teams.cloud.microsoft'], 'teams'],
    [['https://outlook.office.com'], 'teams'],
    [['https://intranet.example.org', 'https://teams.microsoft.com'], 'unknown'],
    [['https://teams.microsoft.com.example.org'], 'unknown'],
    [undefined, 'unknown'],
  ] as const)('framed by %j: %s', (ancestors, expected) => {
    expect(framingOf(framed(ancestors ? [...ancestors] : undefined))).toBe(expected);
  });
});

describe('meeting calls as promises', () => {
  it('resolves with the result and rejects with Teams’ error or a synchronous throw', async () => {
    await expect(callMeeting<boolean>((done) => done(null, true))).resolves.toBe(true);
    await expect(
      callMeeting<boolean>((done) => done({ errorCode: 1000, message: 'no permission' }, null)),
    ).rejects.toThrow('no permission');
    await expect(
      callMeeting<boolean>(() => {
        throw new Error('not allowed in this frame');
      }),
    ).rejects.toThrow('not allowed in this frame');
  });
});
