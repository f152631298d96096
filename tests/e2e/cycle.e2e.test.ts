import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '@cercle/domain';
import type { CreateSessionResponse, JoinResponse } from '@cercle/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../apps/panel/src/sync/syncClient.ts';
import { describeFindings, horizontalOverflow, seriousViolations } from '../support/a11y.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { CONDITION_TIMEOUT_MS } from '../support/patience.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import { postJson, startSyncPanel, until } from '../support/syncPanel.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/cycle');

/**
 * The cycle page as a facilitator reads it between two sessions [R50]: who has been client and
 * who could be next, a warning when the group outgrows the method, attendance and ratings at a
 * glance, and the planned sessions for one's calendar.
 */
describe.skipIf(!hasChromium())('the cycle page: rotation, size, trends, calendar', () => {
  let server: ServerProcess;
  let browser: Browser;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    assertPanelBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer({ env: { CREATIONS_PER_MINUTE: '1000' } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const client of clients) client.stop();
    await browser?.close();
    await server?.dispose();
  });

  /** Sends a command and waits for the server's answer. */
  async function run(client: SyncClient, command: Command): Promise<void> {
    const before = client.snapshot.view;
    client.send(command);
    await until(
      () => client.snapshot.pending.length === 0 && client.snapshot.view !== before,
      CONDITION_TIMEOUT_MS,
      command.type,
    );
  }

  it('shows who has been client, who could be next, the size warning, the charts, and gives an .ics', async () => {
    const created = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      groupName: 'Cercle des cadres',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
    });
    const joinToken = created.participantLink.split('#join=')[1];
    const names = ['Chloé', 'Dan', 'Eva', 'Farid', 'Gil', 'Hana', 'Ivo', 'Jade'];
    const joined = new Map<string, JoinResponse>();
    for (const displayName of names)
      joined.set(
        displayName,
        await postJson<JoinResponse>(`${server.url}/api/sessions/${created.sessionId}/join`, {
          joinToken,
          displayName,
        }),
      );
    const connect = (token: string) => {
      const client = startSyncPanel(server.url, created.sessionId, token);
      clients.push(client);
      return client;
    };
    const awa = connect(created.token);
    const chloe = connect(joined.get('Chloé')!.token);
    await until(() => awa.snapshot.view !== null && chloe.snapshot.view !== null, 30_000, 'views');
    await run(awa, { type: 'startSession' });
    await run(chloe, { type: 'proposeCase', kind: 'problem', title: 'Un agent', summary: '' });
    await run(awa, { type: 'chooseCase', caseId: awa.snapshot.view!.cases[0]!.id });

    // The next session, planned: what the calendar file holds.
    const next = await fetch(`${server.url}/api/groups/${awa.snapshot.view!.groupId}/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        templateKey: 'remote-2h',
        scheduledFor: '2027-01-12',
        cycleSessions: 6,
      }),
    });
    expect(next.status).toBe(201);

    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 320, height: 720 },
      acceptDownloads: true,
    });
    await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
      key: `cercle:session:${created.sessionId}`,
      value: JSON.stringify({ token: created.token, personId: created.personId }),
    });
    const page = await context.newPage();
    const groupId = awa.snapshot.view!.groupId;
    await page.goto(`${server.url}/g/${groupId}?from=${created.sessionId}`);
    const rotation = page.getByTestId('cycle-rotation');
    await rotation.waitFor();

    // Nine people take part, the facilitator included: more than the method's eight.
    await expect
      .poll(() => page.getByTestId('too-many-active').textContent())
      .toContain('9 personnes participent');
    const chloeRow = rotation.getByRole('row', { name: /Chloé/ });
    expect(await chloeRow.getByRole('cell').allTextContents()).toEqual(['1', '1', '1']);
    const suggested = await page.getByTestId('suggested-clients').textContent();
    expect(suggested).toContain('Dan');
    expect(suggested).not.toContain('Chloé');
    expect(suggested).not.toContain('Awa');

    const trends = page.getByTestId('cycle-trends');
    expect(await trends.getByText('Présents par séance').count()).toBe(1);
    // One bar per session: the first (9 present) and the planned one (not held: no figure).
    expect(await trends.locator('.chart__bars').first().locator('rect').count()).toBe(2);
    expect(await trends.locator('.chart__legend').first().textContent()).toBe('S19S2–');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('calendar').click(),
    ]);
    expect(download.suggestedFilename()).toBe('cercle-seances.ics');
    const ics = readFileSync((await download.path())!, 'utf8').replace(/\r\n /g, '');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270112');
    expect(ics).toContain('séance 2 sur 6');

    await page.screenshot({ path: join(SCREENSHOTS, 'cycle-320.png'), fullPage: true });
    // Reflow (WCAG 1.4.10): nothing wider than the 320 px panel.
    expect(await horizontalOverflow(page)).toBe(0);
    const findings = await seriousViolations(page);
    expect(findings, describeFindings('cycle page', findings)).toEqual([]);
    await context.close();
  });
});
