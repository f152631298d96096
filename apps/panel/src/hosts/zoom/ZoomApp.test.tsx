import { render, screen } from '@testing-library/react';
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
function sdkIn(runningContext: string): ZoomSdkLike {
  return {
    config: async () => ({ runningContext }),
    getRunningContext: async () => ({ context: runningContext }),
    getUserContext: async () => ({ screenName: 'Sam', role: 'host' }),
    getAppContext: async () => ({ context: 'encrypted' }),
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

function renderIn(runningContext: string, locale: 'fr' | 'en') {
  const sdk = sdkIn(runningContext);
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
    expect(requests).toEqual(['/api/zoom/enter']);
    expect(screen.queryByTestId('zoom-not-in-meeting')).toBeNull();
  });
});
