import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';

describe.skipIf(!hasChromium())('a facilitator who changes device', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    assertPanelBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('makes a personal link on the first device and facilitates from the second', async () => {
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        groupName: 'Codev',
        templateKey: 'remote-2h',
        facilitatorName: 'Awa',
      }),
    });
    const created = (await response.json()) as { facilitatorLink: string };
    const laptop = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await laptop.goto(created.facilitatorLink);
    await laptop.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
    await laptop.getByText('Ouvrir Cercle sur un autre appareil').click();
    await laptop.getByRole('button', { name: 'Créer mon lien' }).click();
    const link = await laptop.getByTestId('other-device-link').inputValue();
    expect(link).toMatch(/\/s\/[\w-]+#token=[\w-]+$/);

    // Another browser, nothing in its storage: the link alone makes it the facilitator's panel.
    const phone = await (
      await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 720 } })
    ).newPage();
    await phone.goto(link);
    await phone.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
    await phone.getByRole('button', { name: 'Démarrer la séance' }).click();
    await laptop.getByTestId('stage-position').filter({ hasText: 'Étape 1 sur 11' }).waitFor();
    // One person with two devices, not two people.
    expect(await laptop.getByTestId('roster-person').count()).toBe(1);
  });
});
