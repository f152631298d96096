import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import {
  openInZoomClient,
  ZOOM_TEST_APP,
  type ZoomCall,
  type ZoomClient,
  type ZoomPerson,
} from '../support/zoomClientStandIn.ts';

const ARTIFACTS = join(import.meta.dirname, '../../test-results/screenshots');

/** Every refusal the client made: an app that follows Zoom's rules meets none. */
const refusals = (calls: readonly ZoomCall[]) =>
  calls.filter((call) => call.outcome !== 'ok' && call.outcome !== 'sent');

describe.skipIf(!hasChromium())('Cercle as a Zoom App, in a stand-in Zoom client', () => {
  let server: ServerProcess;
  let browser: Browser;
  const opened: ZoomClient[] = [];

  beforeAll(async () => {
    assertPanelBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({
      env: {
        ZOOM_CLIENT_ID: ZOOM_TEST_APP.clientId,
        ZOOM_CLIENT_SECRET: ZOOM_TEST_APP.clientSecret,
      },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const client of opened) await client.close();
    await browser?.close();
    await server?.dispose();
  });

  async function openInZoom(person: ZoomPerson): Promise<ZoomClient> {
    const client = await openInZoomClient(browser, server.url, person);
    opened.push(client);
    return client;
  }

  async function setUpAsHost(host: ZoomClient, groupName: string) {
    await host.app.getByTestId('group-name').fill(groupName);
    await host.app.getByRole('button', { name: 'Ouvrir la séance' }).click();
    await host.app.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
  }

  it('refuses the Home URL without a Zoom context', async () => {
    const response = await fetch(`${server.url}/zoom/home`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Ouvrez Cercle depuis une réunion Zoom');
  });

  it('a host and two attendees share one session: the host facilitates, the others see their roles', async () => {
    const meetingUuid = 'meeting-shared==';
    // An attendee opens Cercle before the host: told to wait, then let in by itself.
    const bo = await openInZoom({
      uid: 'u-bo',
      screenName: 'Bo',
      attendrole: 'participant',
      meetingUuid,
    });
    await bo.app.getByTestId('zoom-waiting').waitFor();

    const host = await openInZoom({
      uid: 'u-awa',
      screenName: 'Awa',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des directions');

    const chloe = await openInZoom({
      uid: 'u-chloe',
      screenName: 'Chloé',
      attendrole: 'participant',
      meetingUuid,
    });
    await chloe.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    await bo.app
      .locator('[data-testid="my-role"][data-role="consultant"]')
      .waitFor({ timeout: 15_000 });

    // The real SDK configured exactly the manifest's APIs, through the client.
    const config = (await host.calls()).find((call) => call.api === 'config');
    const asked = config?.data as { js_api_lists: string[] } | undefined;
    expect(asked?.js_api_lists).toEqual(
      expect.arrayContaining([
        'getRunningContext',
        'onBreakoutRoomChange',
        'getAppContext',
        'openUrl',
        'sendAppInvitationToAllParticipants',
      ]),
    );

    await host.app.getByLabel('Rôle de Chloé').selectOption('client');
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: /Étape suivante/ }).click();
    await host.app.getByRole('button', { name: 'Inviter tout le monde à ouvrir Cercle' }).click();
    await host.app.getByRole('button', { name: 'Invitation envoyée' }).waitFor();
    expect(
      (await host.calls()).some(
        (call) => call.api === 'sendAppInvitationToAllParticipants' && call.outcome === 'ok',
      ),
    ).toBe(true);

    await chloe.app.locator('[data-testid="my-role"][data-role="client"]').waitFor();
    for (const client of [host, bo, chloe]) {
      await client.app
        .getByTestId('stage-title')
        .filter({ hasText: 'Retour du client précédent' })
        .waitFor();
      expect(await client.app.getByTestId('stage-position').textContent()).toContain(
        'Étape 2 sur 11',
      );
      expect(refusals(await client.calls())).toEqual([]);
    }
    const roster = await bo.app.getByTestId('roster').textContent();
    expect(roster).toContain('Awa');
    expect(roster).toContain('Chloé');
    for (const [name, client] of [
      ['host', host],
      ['attendee', bo],
      ['client', chloe],
    ] as const)
      await client.page.screenshot({
        path: join(ARTIFACTS, `zoom-360-${name}.png`),
        fullPage: true,
      });
  });

  it('follows the next session and the cycle page inside Zoom, the page URL never changing', async () => {
    const meetingUuid = 'meeting-next==';
    const host = await openInZoom({
      uid: 'u-nina',
      screenName: 'Nina',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des cadres');
    const omar = await openInZoom({
      uid: 'u-omar',
      screenName: 'Omar',
      attendrole: 'participant',
      meetingUuid,
    });
    await omar.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    const homeUrl = await host.appUrl();
    expect(new URL(homeUrl).pathname).toBe('/zoom/home');

    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: 'Terminer la séance' }).click();
    await host.app.getByRole('button', { name: 'Confirmer' }).click();
    await omar.app.getByTestId('ended').waitFor();

    // The cycle page and back, in memory.
    await host.app.getByTestId('open-cycle').click();
    await host.app.getByTestId('cycle').waitFor();
    await host.app.getByRole('button', { name: 'Revenir à la séance' }).click();
    await host.app.getByTestId('ended').waitFor();

    // The facilitator opens the group's next session; the member follows with one click.
    await host.app.getByTestId('open-next').click();
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).waitFor();
    await omar.app.getByTestId('join-next').click();
    await omar.app.getByTestId('stage-title').filter({ hasText: 'Inclusion' }).waitFor();
    await omar.app.getByTestId('ended').waitFor({ state: 'detached' });
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: /Étape suivante/ }).click();
    await omar.app
      .getByTestId('stage-title')
      .filter({ hasText: 'Retour du client précédent' })
      .waitFor();

    // Zoom's SDK still answers: the URL its config is bound to never changed.
    await host.app.getByRole('button', { name: 'Inviter tout le monde à ouvrir Cercle' }).click();
    await host.app.getByRole('button', { name: 'Invitation envoyée' }).waitFor();
    for (const client of [host, omar]) {
      expect(await client.appUrl()).toBe(homeUrl);
      const calls = await client.calls();
      expect(refusals(calls)).toEqual([]);
      expect(calls.filter((call) => call.api === 'config')).toHaveLength(1);
    }
  });

  it('opened from the main client, tells the person to open Cercle from a meeting', async () => {
    // Zoom's main client sends a context without a meeting: the server answers for it.
    const sam = await openInZoom({
      uid: 'u-sam',
      screenName: 'Sam',
      attendrole: 'host',
      meetingUuid: 'unused==',
      runningContext: 'inMainClient',
    });
    await sam.app.getByText('ouvrez-le depuis le bouton Applications d’une réunion Zoom').waitFor();
    expect(refusals(await sam.calls())).toEqual([]);

    // A panel whose running context leaves the meeting says the same, from Zoom's own word.
    const ana = await openInZoom({
      uid: 'u-ana',
      screenName: 'Ana',
      attendrole: 'host',
      meetingUuid: 'meeting-context==',
    });
    await ana.app.getByTestId('group-name').waitFor();
    await ana.changeRunningContext('inMainClient');
    await ana.app
      .getByTestId('zoom-not-in-meeting')
      .getByText('ouvrez-le depuis le bouton Applications d’une réunion Zoom')
      .waitFor();
    expect(refusals(await ana.calls())).toEqual([]);
  });

  it('moves to a breakout room and back without a reload, saying so', async () => {
    const meetingUuid = 'meeting-rooms==';
    const host = await openInZoom({
      uid: 'u-ines',
      screenName: 'Inès',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des soignants');
    const bo = await openInZoom({
      uid: 'u-bo2',
      screenName: 'Bo',
      attendrole: 'participant',
      meetingUuid,
    });
    await bo.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    const homeUrl = await bo.appUrl();

    // Bo goes first: the room has no session yet, and Bo may not set one up.
    await bo.moveToBreakoutRoom('room-1==');
    await bo.app.getByTestId('zoom-waiting').waitFor();
    await bo.app.getByTestId('zoom-notice-room').getByText('salle de sous-groupe').waitFor();
    // The host follows and sets the room's session up; Bo is let in by itself.
    await host.moveToBreakoutRoom('room-1==');
    await setUpAsHost(host, 'Salle 1');
    await bo.app.getByRole('heading', { name: 'Salle 1' }).waitFor({ timeout: 15_000 });
    await bo.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();

    // Back in the main meeting: its session again, with the same seats.
    await bo.returnToMainMeeting();
    await host.returnToMainMeeting();
    for (const client of [bo, host])
      await client.app.getByRole('heading', { name: 'Codev des soignants' }).waitFor();
    await bo.app.getByTestId('zoom-notice-room').getByText('réunion principale').waitFor();
    await host.app.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
    const roster = (await host.app.getByTestId('roster').textContent()) ?? '';
    expect(roster.match(/Bo/g)).toHaveLength(1);

    expect(await bo.appUrl()).toBe(homeUrl);
    const calls = await bo.calls();
    expect(refusals(calls)).toEqual([]);
    expect(calls.filter((call) => call.api === 'getAppContext')).toHaveLength(2);
    await bo.page.screenshot({ path: join(ARTIFACTS, 'zoom-360-breakout.png'), fullPage: true });
  });

  it('in guest mode, the refused invitation is said, not thrown', async () => {
    const guest = await openInZoom({
      uid: null,
      screenName: 'Gaëlle',
      attendrole: 'host',
      meetingUuid: 'meeting-guest==',
    });
    const problems: string[] = [];
    guest.page.on('pageerror', (error) => problems.push(error.message));
    // An unhandled rejection reaches the console as "Uncaught (in promise)", from any frame.
    guest.page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Uncaught'))
        problems.push(message.text());
    });
    await setUpAsHost(guest, 'Codev invité');
    await guest.app.getByRole('button', { name: 'Inviter tout le monde à ouvrir Cercle' }).click();
    await guest.app
      .getByTestId('zoom-invite-failed')
      .getByText('En invité·e (sans Cercle ajouté à votre compte Zoom), on ne peut pas inviter')
      .waitFor();
    expect(
      (await guest.calls()).find((call) => call.api === 'sendAppInvitationToAllParticipants')
        ?.outcome,
    ).toBe('guestMode');
    expect(problems).toEqual([]);
  });

  it('opens a summary through Zoom’s openUrl, and says so when it cannot', async () => {
    const host = await openInZoom({
      uid: 'u-lea',
      screenName: 'Léa',
      attendrole: 'host',
      meetingUuid: 'meeting-summary==',
    });
    await setUpAsHost(host, 'Codev des RH');
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: 'Terminer la séance' }).click();
    await host.app.getByRole('button', { name: 'Confirmer' }).click();
    await host.app.getByTestId('ended').waitFor();
    let popups = 0;
    host.page.context().on('page', () => {
      popups += 1;
    });

    // Without a link the person's browser could open, nothing opens and the person is told.
    await host.page.route('**/api/file-links', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: '{"error":{"code":"sessionNotFound","message":"No such route."}}',
      }),
    );
    await host.app.getByTestId('export-print').click();
    await host.app
      .getByTestId('file-outcome')
      .getByText('Cercle n’a pas pu préparer ce fichier')
      .waitFor();
    expect((await host.calls()).some((call) => call.api === 'openUrl')).toBe(false);

    // With the server's single-use link, Zoom opens it in the person's browser, which can fetch it.
    await host.page.unroute('**/api/file-links');
    await host.app.getByTestId('export-print').click();
    await host.app
      .getByTestId('file-outcome')
      .getByText('Zoom ouvre le fichier dans votre navigateur')
      .waitFor();
    const openUrl = (await host.calls()).filter((call) => call.api === 'openUrl');
    expect(openUrl).toEqual([expect.objectContaining({ outcome: 'ok' })]);
    const opened = (openUrl[0]?.data as { url?: string } | undefined)?.url ?? '';
    expect(opened).toMatch(/\/summary\?format=html&lang=fr&access=[\w-]+$/);
    const page = await fetch(opened);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Codev des RH');
    // Single-use: the address is worth nothing once opened.
    expect((await fetch(opened)).status).toBe(410);
    expect(popups).toBe(0);
  });
});
