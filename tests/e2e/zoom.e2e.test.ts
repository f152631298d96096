import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import {
  actAsZoomClient,
  ZOOM_TEST_APP,
  ZOOM_USER_AGENT,
  type ZoomPerson,
  zoomCalls,
} from '../support/zoomStandIn.ts';

const ARTIFACTS = join(import.meta.dirname, '../../test-results/screenshots');
const MEETING = 'e2e-meeting-uuid==';

describe.skipIf(!hasChromium())('Cercle as a Zoom App', () => {
  let server: ServerProcess;
  let browser: Browser;

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
    await browser?.close();
    await server?.dispose();
  });

  async function openInZoom(person: Omit<ZoomPerson, 'meetingUuid'>): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 360, height: 760 },
      locale: 'fr-FR',
      userAgent: ZOOM_USER_AGENT,
    });
    const page = await context.newPage();
    await actAsZoomClient(page, { ...person, meetingUuid: MEETING });
    await page.goto(`${server.url}/zoom/home`);
    return page;
  }

  it('refuses the Home URL without a Zoom context', async () => {
    const response = await fetch(`${server.url}/zoom/home`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Ouvrez Cercle depuis une réunion Zoom');
  });

  it('a host and two attendees share one session: the host facilitates, the others see their roles', async () => {
    // An attendee opens Cercle before the host: told to wait, then let in by itself.
    const bo = await openInZoom({ uid: 'u-bo', screenName: 'Bo', attendrole: 'participant' });
    await bo.getByTestId('zoom-waiting').waitFor();

    const host = await openInZoom({ uid: 'u-awa', screenName: 'Awa', attendrole: 'host' });
    await host.getByTestId('group-name').fill('Codev des directions');
    await host.getByRole('button', { name: 'Ouvrir la séance' }).click();
    await host.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();

    const chloe = await openInZoom({
      uid: 'u-chloe',
      screenName: 'Chloé',
      attendrole: 'participant',
    });
    await chloe.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    await bo
      .locator('[data-testid="my-role"][data-role="consultant"]')
      .waitFor({ timeout: 15_000 });

    // The SDK was configured with exactly the manifest's APIs, and only inside Zoom.
    const config = (await zoomCalls(host)).find((call) => call[0] === 'config');
    expect(config?.[1]).toContain('sendAppInvitationToAllParticipants');

    await host.getByLabel('Rôle de Chloé').selectOption('client');
    await host.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.getByRole('button', { name: /Étape suivante/ }).click();
    await host.getByRole('button', { name: 'Inviter tout le monde à ouvrir Cercle' }).click();
    await host.getByRole('button', { name: 'Invitation envoyée' }).waitFor();
    expect(
      (await zoomCalls(host)).some((call) => call[0] === 'sendAppInvitationToAllParticipants'),
    ).toBe(true);

    await chloe.locator('[data-testid="my-role"][data-role="client"]').waitFor();
    for (const page of [host, bo, chloe]) {
      await page
        .getByTestId('stage-title')
        .filter({ hasText: 'Retour du client précédent' })
        .waitFor();
      expect(await page.getByTestId('stage-position').textContent()).toContain('Étape 2 sur 11');
    }
    const roster = await bo.getByTestId('roster').textContent();
    expect(roster).toContain('Awa');
    expect(roster).toContain('Chloé');
    for (const [name, page] of [
      ['host', host],
      ['attendee', bo],
      ['client', chloe],
    ] as const)
      await page.screenshot({ path: join(ARTIFACTS, `zoom-360-${name}.png`), fullPage: true });
  });
});
