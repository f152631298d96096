import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { I18nProvider, loadMessages, loadPageMessages } from '../../i18n/i18n.tsx';
import { ZoomApp } from './ZoomApp.tsx';
import type { ZoomSdkLike } from './zoomClient.ts';
import { createZoomConnection } from './zoomConnection.ts';

beforeAll(async () => {
  await loadMessages('en');
  await Promise.all([loadPageMessages('fr'), loadPageMessages('en')]);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const BOOT = { host: 'zoom', ticket: 't'.repeat(24), canSetUp: true } as const;

/** Zoom's client answering for a panel opened where `runningContext` says. */
function sdkIn(
  runningContext: string,
  { status = 'authorized', asked = [] as string[] } = {},
): ZoomSdkLike {
  return {
    config: async () => ({ runningContext }),
    getRunningContext: async () => ({ context: runningContext }),
    getUserContext: async () => ({ screenName: 'Sam', role: 'host', status }),
    getAppContext: async () => ({ context: 'encrypted' }),
    getMeetingContext: async () => {
      asked.push('getMeetingContext');
      return { meetingTopic: 'Codev RH', meetingID: '812 3456 7890' };
    },
    sendAppInvitationToAllParticipants: async () => ({}),
    openUrl: async () => ({ message: 'success' }),
    startCollaborate: async () => ({ message: 'success' }),
    joinCollaborate: async () => ({ message: 'success' }),
    leaveCollaborate: async () => ({ message: 'success' }),
    endCollaborate: async () => ({ message: 'success' }),
    sendMessageToChat: async () => ({ result: [] }),
    showNotification: async () => ({ message: 'success' }),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
}

function renderIn(runningContext: string, locale: 'fr' | 'en', sdk = sdkIn(runningContext)) {
  const connect = async () => {
    const connection = createZoomConnection({ sdk, capabilities: [] });
    await connection.configure();
    return { connection, runningContext };
  };
  render(
    <I18nProvider initial={locale}>
      <Suspense fallback={null}>
        <ZoomApp boot={BOOT} connect={connect} />
      </Suspense>
    </I18nProvider>,
  );
}

describe('ZoomApp outside a meeting', () => {
  it.each([
    ['fr', 'inMainClient', 'ouvrez-le depuis le bouton Applications d’une réunion Zoom'],
    ['en', 'inMainClient', 'open it from the Apps button of a Zoom meeting'],
    ['fr', 'inChat', 'ouvrez-le depuis le bouton Applications d’une réunion Zoom'],
  ] as const)(
    'in %s, %s: says where to open Cercle and enters nothing',
    async (locale, where, text) => {
      const requests: string[] = [];
      vi.stubGlobal('fetch', async (path: string) => {
        requests.push(path);
        return new Response('{}', { status: 500 });
      });
      renderIn(where, locale);

      expect((await screen.findByTestId('zoom-not-in-meeting')).textContent).toContain(text);
      expect(requests).toEqual([]);
    },
  );

  it('in a meeting, enters the meeting’s session', async () => {
    const requests: string[] = [];
    vi.stubGlobal('fetch', async (path: string) => {
      requests.push(path);
      return new Response(JSON.stringify({ error: { code: 'notSetUp', message: 'Set up' } }), {
        status: 409,
      });
    });
    renderIn('inMeeting', 'en');

    await screen.findByRole('button', { name: 'Open the session' });
    expect(requests).toEqual(['/api/zoom/enter', '/api/zoom/setup-options']);
    expect(screen.queryByTestId('zoom-not-in-meeting')).toBeNull();
    // Without its groups, the host still sets a new group up, and is told why none is offered.
    expect(screen.getByTestId('zoom-groups-failed').textContent).toContain(
      'could not find your groups',
    );
  });
});

const GROUP = {
  groupName: 'Codev RH',
  templateKey: 'remote-2h',
  lastSessionAt: Date.UTC(2031, 2, 12, 9),
  cycleSessions: 6,
  resumes: false,
  isUsualHere: false,
};

/** The server as the set-up screen meets it: no session yet, these groups, and what is posted. */
function serverWith(groups: readonly object[]) {
  const posted: { path: string; body: Record<string, unknown> }[] = [];
  vi.stubGlobal('fetch', async (path: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    posted.push({ path, body });
    if (path === '/api/zoom/setup-options')
      return new Response(JSON.stringify({ groups }), { status: 200 });
    return new Response(JSON.stringify({ error: { code: 'notSetUp', message: 'Set up' } }), {
      status: 409,
    });
  });
  return posted;
}

describe('ZoomApp set-up by the host', () => {
  it('offers the groups the host facilitated, this recurring meeting’s first and chosen', async () => {
    const posted = serverWith([
      { ...GROUP, groupId: 'group-dsi-000001', groupName: 'Codev DSI', sessionNumber: 4 },
      { ...GROUP, groupId: 'group-rh-0000001', sessionNumber: 3, isUsualHere: true },
    ]);
    renderIn('inMeeting', 'fr');

    const usual = await screen.findByRole('radio', { name: /Codev RH/ });
    expect(usual).toHaveProperty('checked', true);
    expect(usual.closest('label')?.textContent).toContain('Habituel dans cette réunion');
    expect(usual.closest('label')?.textContent).toContain('Séance 3 sur 6');
    expect(usual.closest('label')?.textContent).toContain('12 mars 2031');
    // The meeting's number, as Zoom gave it, told the server which meeting this is.
    expect(posted.find((p) => p.path === '/api/zoom/setup-options')?.body).toMatchObject({
      meetingNumber: '81234567890',
    });
    // A group picked needs no name; a new group does.
    expect(screen.queryByTestId('group-name')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir la séance 3' }));
    await waitFor(() =>
      expect(posted.find((p) => p.path === '/api/zoom/group-sessions')?.body).toMatchObject({
        groupId: 'group-rh-0000001',
        templateKey: 'remote-2h',
        meetingNumber: '81234567890',
      }),
    );

    // Set up meanwhile by someone else (409): the panel asks again, and the list comes back.
    fireEvent.click(await screen.findByTestId('zoom-group-new'));
    expect(await screen.findByTestId('group-name')).toBeTruthy();
    expect(screen.getByTestId('zoom-set-up').textContent).toBe('Ouvrir la séance');
  });

  it('a session already open is said to be held here; without a usual group, a new one is chosen', async () => {
    serverWith([{ ...GROUP, groupId: 'group-rh-0000001', sessionNumber: 2, resumes: true }]);
    renderIn('inMeeting', 'en');

    const group = await screen.findByRole('radio', { name: /Codev RH/ });
    expect(group).toHaveProperty('checked', false);
    expect(screen.getByTestId('zoom-group-new')).toHaveProperty('checked', true);
    fireEvent.click(group);
    expect(group.closest('label')?.textContent).toContain(
      'Session 2 of 6 – already open: it is held in this meeting',
    );
    // Its format is its own: no template to pick.
    expect(screen.queryByRole('radio', { name: /2 h/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Open session 2' })).toBeTruthy();
  });

  it('a guest host is not asked for the meeting’s number, which Zoom refuses guests', async () => {
    const asked: string[] = [];
    const posted = serverWith([]);
    renderIn('inMeeting', 'en', sdkIn('inMeeting', { status: 'unauthenticated', asked }));

    await screen.findByRole('button', { name: 'Open the session' });
    expect(asked).toEqual([]);
    expect(posted.find((p) => p.path === '/api/zoom/setup-options')?.body).toMatchObject({
      meetingNumber: null,
    });
    expect(screen.queryByTestId('zoom-groups')).toBeNull();
  });
});
