import type { CreateSessionResponse, JoinResponse } from '@cercle/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import { postJson } from '../support/syncPanel.ts';

/**
 * People arrive late and new members join mid-cycle (CODEV.md): the latecomer is told where the
 * group is, the facilitator is prompted to welcome them, and whoever was there from the start is
 * not interrupted, even after a reload.
 */
describe.skipIf(!hasChromium())('a member who arrives once the session is under way', () => {
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

  async function panel(sessionId: string, seat: { token: string; personId: string }) {
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 360, height: 720 },
    });
    await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
      key: `cercle:session:${sessionId}`,
      value: JSON.stringify(seat),
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${sessionId}`);
    await page.getByTestId('my-role').waitFor();
    return page;
  }

  const atStage = (page: Page, n: number) =>
    page
      .getByTestId('stage-position')
      .filter({ hasText: `Étape ${n} sur` })
      .first()
      .waitFor();

  it('welcomes the latecomer with the stage and the case, prompts the facilitator, spares the others', async () => {
    const created = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      groupName: 'Cercle des cadres',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
    });
    const joinToken = created.participantLink.split('#join=')[1];
    const join = (displayName: string) =>
      postJson<JoinResponse>(`${server.url}/api/sessions/${created.sessionId}/join`, {
        joinToken,
        displayName,
      });
    const awa = await panel(created.sessionId, created);
    const dan = await panel(created.sessionId, await join('Dan'));

    await awa.getByRole('button', { name: 'Démarrer la séance' }).click();
    await atStage(dan, 1);
    await awa.getByRole('button', { name: 'Aller à cette étape : Exposé' }).click();
    await atStage(dan, 4);

    const chloe = await panel(created.sessionId, await join('Chloé'));
    const welcome = chloe.getByTestId('welcome');
    await welcome.waitFor();
    expect(await welcome.textContent()).toContain('Bienvenue, Chloé');
    expect(await welcome.textContent()).toContain('étape 4 sur 11, Exposé');
    await expect
      .poll(() => awa.getByTestId('arrivals').textContent())
      .toContain('Arrivé en cours de séance\u00a0: Chloé');

    // Dan was there from the start: no welcome, not even after a reload.
    await dan.reload();
    await atStage(dan, 4);
    expect(await dan.getByTestId('welcome').count()).toBe(0);

    // Read once: gone, and it stays gone after a reload.
    await welcome.getByRole('button', { name: 'J’ai compris' }).click();
    await chloe.reload();
    await atStage(chloe, 4);
    expect(await chloe.getByTestId('welcome').count()).toBe(0);
    await awa.getByTestId('arrivals').getByRole('button', { name: 'C’est fait' }).click();
    expect(await awa.getByTestId('arrivals').count()).toBe(0);
  });
});
