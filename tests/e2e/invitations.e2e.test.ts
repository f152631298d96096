import type { Command } from '@cercle/domain';
import type { CreateSessionResponse } from '@cercle/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../apps/panel/src/sync/syncClient.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { CONDITION_TIMEOUT_MS } from '../support/patience.ts';
import { freePort, type ServerProcess, startServer } from '../support/serverProcess.ts';
import { postJson, startSyncPanel, until } from '../support/syncPanel.ts';

/**
 * A facilitator gets an invitation link back from the panel, in the session and in the group's next
 * one (walkthrough item 1), and the address the server prints on a laptop works however it is
 * spelled (item 2).
 */
describe.skipIf(!hasChromium())('invitations and the address the server prints', () => {
  let server: ServerProcess;
  let browser: Browser;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    assertPanelBuilt();
    // As on a laptop: the public address says localhost, people open 127.0.0.1 too.
    const port = await freePort();
    server = await startServer({ port, env: { PUBLIC_URL: `http://localhost:${port}` } });
    // A name of the machine on the local network, as a colleague's laptop would use it.
    browser = await launchChromium(['--host-resolver-rules=MAP cercle-lan.test 127.0.0.1']);
  });

  afterAll(async () => {
    for (const client of clients) client.stop();
    await browser?.close();
    await server?.dispose();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 360, height: 720 },
    });
    return context.newPage();
  }

  /** Makes a new participant link from the facilitator's panel and returns it. */
  async function inviteFrom(page: Page): Promise<string> {
    const card = page.getByTestId('new-participant-link');
    await card.locator('summary').click();
    await card.getByRole('button', { name: 'Créer un nouveau lien' }).click();
    await card.getByRole('button', { name: 'Confirmer' }).click();
    const link = await card.getByTestId('new-participant-link-value').inputValue();
    expect(link).toMatch(/#join=/);
    return link;
  }

  async function joinWith(link: string, name: string): Promise<Page> {
    const page = await newPage();
    await page.goto(link);
    await page.getByTestId('display-name').fill(name);
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByTestId('stage-title').waitFor();
    return page;
  }

  it('item 2: the panel opened at 127.0.0.1 when the server says localhost connects', async () => {
    const created = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      groupName: 'Cercle',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
    });
    expect(created.facilitatorLink.startsWith('http://localhost:')).toBe(true);
    const page = await newPage();
    await page.goto(created.facilitatorLink.replace('//localhost:', '//127.0.0.1:'));
    await page.getByTestId('stage-title').waitFor();
    await page.getByTestId('connection').filter({ hasText: 'Connecté' }).waitFor();
  });

  it('item 2: opened under a name the server is not published at, the panel says where to go', async () => {
    const created = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      groupName: 'Cercle',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
    });
    const page = await newPage();
    await page.goto(created.facilitatorLink.replace('//localhost:', '//cercle-lan.test:'));
    const hint = page.getByTestId('wrong-address');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('cercle-lan.test');
    // The same page at the published address, its link's secret included: it connects.
    await hint.getByRole('link').click();
    await page.getByTestId('stage-title').waitFor();
    expect(new URL(page.url()).hostname).toBe('localhost');
    await page.getByTestId('connection').filter({ hasText: 'Connecté' }).waitFor();
  });

  it('item 1: the facilitator invites from the panel, in this session and in the next one', async () => {
    const created = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      groupName: 'Cercle des directions',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
    });
    const awa = await newPage();
    await awa.goto(created.facilitatorLink.replace('//localhost:', '//127.0.0.1:'));
    await awa.getByTestId('stage-title').waitFor();

    // The link was never copied: the panel makes one, and a newcomer comes in with it.
    const first = await inviteFrom(awa);
    const chloe = await joinWith(first.replace('//localhost:', '//127.0.0.1:'), 'Chloé');
    await awa.getByTestId('roster-person').filter({ hasText: 'Chloé' }).waitFor();

    // The session ends; the next one is opened from the panel, and invites as well.
    const other = startSyncPanel(server.url, created.sessionId, created.token);
    clients.push(other);
    const run = async (command: Command) => {
      other.send(command);
      await until(() => other.snapshot.pending.length === 0, CONDITION_TIMEOUT_MS, command.type);
    };
    await until(() => other.snapshot.view !== null, CONDITION_TIMEOUT_MS, 'view');
    await run({ type: 'startSession' });
    await run({ type: 'endSession' });
    await awa.getByTestId('open-next').click();
    await awa.waitForURL((url) => !url.pathname.endsWith(created.sessionId));
    await awa.getByTestId('stage-title').waitFor();
    const next = await inviteFrom(awa);
    expect(next).not.toBe(first);
    const dan = await joinWith(next.replace('//localhost:', '//127.0.0.1:'), 'Dan');
    expect(new URL(dan.url()).pathname).not.toContain(created.sessionId);
    await awa.getByTestId('roster-person').filter({ hasText: 'Dan' }).waitFor();
    await chloe.close();
  });
});
