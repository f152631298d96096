import { encryptZoomAppContext, makeZoomContextPayload } from '@cercle/host-auth/testing';
import type { Page } from 'playwright-core';

export const ZOOM_TEST_APP = {
  clientId: 'cercle-e2e-client',
  clientSecret: 'cercle-e2e-secret-0123456789',
};
export const ZOOM_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156 ZoomApps/1.0';

export interface ZoomPerson {
  readonly uid: string;
  readonly screenName: string;
  /** As in the context header: host, co-host, participant. */
  readonly attendrole: 'host' | 'co-host' | 'participant';
  readonly meetingUuid: string;
}

/**
 * Makes a page behave as if Zoom opened it: the Home URL request carries an encrypted context,
 * and the SDK chunk is replaced by a stand-in answering for this person. Test-only.
 */
export async function actAsZoomClient(page: Page, person: ZoomPerson): Promise<void> {
  await page.route('**/zoom/home', async (route) => {
    const header = encryptZoomAppContext(
      makeZoomContextPayload({
        clientId: ZOOM_TEST_APP.clientId,
        now: Date.now(),
        uid: person.uid,
        mid: person.meetingUuid,
        attendrole: person.attendrole,
      }),
      ZOOM_TEST_APP.clientSecret,
    );
    await route.continue({
      headers: { ...route.request().headers(), 'x-zoom-app-context': header },
    });
  });
  const role =
    person.attendrole === 'host' ? 'host' : person.attendrole === 'co-host' ? 'coHost' : 'attendee';
  const standIn = `
    const calls = (window.__zoomCalls = window.__zoomCalls || []);
    export const zoomSdk = {
      async config(options) { calls.push(['config', options.capabilities]); return { runningContext: 'inMeeting', unsupportedApis: [] }; },
      async getUserContext() { calls.push(['getUserContext']); return { screenName: ${JSON.stringify(person.screenName)}, role: ${JSON.stringify(role)}, participantUUID: 'p-${person.uid}', status: 'authorized' }; },
      onMyUserContextChange(handler) { calls.push(['onMyUserContextChange']); },
      async sendAppInvitationToAllParticipants() { calls.push(['sendAppInvitationToAllParticipants']); return { invitationUUID: 'inv-1' }; },
    };`;
  await page.route('**/assets/zoomSdk-*.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: standIn }),
  );
}

export async function zoomCalls(page: Page): Promise<unknown[][]> {
  return page.evaluate(
    () => (window as unknown as { __zoomCalls?: unknown[][] }).__zoomCalls ?? [],
  );
}
