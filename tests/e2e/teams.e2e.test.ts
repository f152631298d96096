import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import { actAsTeamsHost, type TeamsFrame, teamsCalls } from '../support/teamsStandIn.ts';

const ARTIFACTS = join(import.meta.dirname, '../../test-results/screenshots');

describe.skipIf(!hasChromium())('Cercle as a Teams meeting tab', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    assertPanelBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function frame(context: BrowserContext, teams: TeamsFrame, url: string): Promise<Page> {
    const page = await context.newPage();
    await actAsTeamsHost(page, teams);
    await page.goto(url);
    return page;
  }

  it('configures the tab, runs the side panel and shows the stage', async () => {
    const organiser = await browser.newContext({
      viewport: { width: 320, height: 720 },
      locale: 'fr-FR',
    });

    // Configuration page: the organiser creates the session and saves the tab.
    const config = await frame(
      organiser,
      { frameContext: 'settings' },
      `${server.url}/teams/config`,
    );
    await config.getByTestId('teams-config').waitFor();
    await config.getByTestId('group-name').fill('Codev des cadres de santé');
    await config.getByTestId('facilitator-name').fill('Awa');
    await expect
      .poll(async () => (await teamsCalls(config)).at(-1))
      .toEqual(['setValidityState', true]);
    const saved = (await config.evaluate(() =>
      (window as unknown as { __teamsSave: () => Promise<unknown> }).__teamsSave(),
    )) as {
      contentUrl: string;
      entityId: string;
    };
    expect(saved.contentUrl).toMatch(new RegExp(`/s/${saved.entityId}\\?host=teams#join=`));
    expect((await teamsCalls(config)).some((call) => call[0] === 'notifySuccess')).toBe(true);

    // Side panel, organiser: the facilitator, who can send the stage view to the meeting stage.
    const sidePanel = await frame(organiser, { frameContext: 'sidePanel' }, saved.contentUrl);
    await sidePanel.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
    await sidePanel.getByRole('button', { name: 'Démarrer la séance' }).click();
    await sidePanel
      .getByRole('button', { name: 'Afficher sur l’écran partagé de la réunion' })
      .click();
    await sidePanel
      .getByRole('button', { name: 'Affiché sur l’écran partagé', exact: true })
      .waitFor();
    const share = (await teamsCalls(sidePanel)).find(
      (call) => call[0] === 'shareAppContentToStage',
    );
    expect(share?.[1]).toBe(`${server.url}/s/${saved.entityId}?host=teams&view=stage`);

    // Side panel, participant in dark mode: no SSO here, so the panel says why it asks a name.
    const participant = await browser.newContext({
      viewport: { width: 320, height: 720 },
      locale: 'fr-FR',
    });
    const panel = await frame(
      participant,
      { frameContext: 'sidePanel', theme: 'dark' },
      saved.contentUrl,
    );
    await panel.getByTestId('join-notice').waitFor();
    await panel.getByTestId('display-name').fill('Bo');
    await panel.getByRole('button', { name: 'Rejoindre' }).click();
    await panel.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await panel.getByTestId('stage-title').filter({ hasText: 'Inclusion' }).waitFor();

    for (const [name, page] of [
      ['facilitator', sidePanel],
      ['participant', panel],
    ] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((value) => {
          document.documentElement.dataset.theme = value;
        }, theme);
        await page.screenshot({
          path: join(ARTIFACTS, `teams-sidepanel-320-${name}-${theme}.png`),
          fullPage: true,
        });
      }
    }

    // Meeting stage, 1280 px wide: the read-from-afar view.
    const stageContext = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'fr-FR',
    });
    // The organiser's device shows the stage: it already holds their credential.
    const key = `cercle:session:${saved.entityId}`;
    const credential = await sidePanel.evaluate((k) => localStorage.getItem(k) ?? '', key);
    await stageContext.addInitScript(
      ({ k, v }) => {
        localStorage.setItem(k, v);
      },
      { k: key, v: credential },
    );
    const stage = await frame(stageContext, { frameContext: 'meetingStage' }, share?.[1] as string);
    await stage.getByTestId('stage-view').waitFor();
    expect(await stage.getByTestId('stage-title').textContent()).toBe('Inclusion');
    expect(await stage.getByTestId('timer').textContent()).toBe('5:00');
    for (const theme of ['light', 'dark'] as const) {
      await stage.evaluate((value) => {
        document.documentElement.dataset.theme = value;
      }, theme);
      await stage.screenshot({ path: join(ARTIFACTS, `teams-stage-1280-${theme}.png`) });
    }
  });
});
