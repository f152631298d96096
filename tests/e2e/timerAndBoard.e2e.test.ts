import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES } from '@cercle/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import { postJson } from '../support/syncPanel.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/timer-and-board');
const ROLES = ['facilitator', 'client', 'consultant', 'observer'] as const;
type RoleName = (typeof ROLES)[number];

// The remote session of eleven stages: the contract (6th) has no planned duration.
const STANDARD = TEMPLATES[0];
if (!STANDARD) throw new Error('no template');
const stageTitle = (key: string) => {
  const stage = STANDARD.stages.find((s) => s.key === key);
  if (!stage) throw new Error(`no stage ${key}`);
  return stage.title.fr;
};

interface Credentials {
  readonly token: string;
  readonly personId: string;
}

interface Panel {
  readonly page: Page;
  /** Every WebSocket frame this page received, raw. */
  readonly frames: string[];
}

/** Seconds on a timer reading such as "4:59" or "−0:12" (negative in overtime). */
function timerSeconds(text: string): number {
  const match = /^(−?)(\d+):(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not a timer reading: ${text}`);
  const seconds = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -seconds : seconds;
}

/**
 * Keeps every WebSocket the page opens, so that a test can send a frame of its own over the
 * panel's authenticated socket, as a modified panel could.
 */
const KEEP_SOCKETS = () => {
  const Native = window.WebSocket;
  const kept: WebSocket[] = [];
  (window as unknown as { keptSockets: WebSocket[] }).keptSockets = kept;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      kept.push(this);
    }
  };
};

describe.skipIf(!hasChromium())('the timer of untimed stages and the client’s board', () => {
  let server: ServerProcess;
  let browser: Browser;
  const panels = {} as Record<RoleName, Panel>;
  const everyone = () => ROLES.map((role) => panels[role]);

  async function atStage(key: string): Promise<void> {
    const title = stageTitle(key);
    for (const { page } of everyone())
      await page.getByTestId('stage-title').filter({ hasText: title }).waitFor();
  }

  async function nextStage(key: string): Promise<void> {
    await panels.facilitator.page
      .getByRole('button', { name: 'Étape suivante', exact: true })
      .click();
    await atStage(key);
  }

  /** Moves on to the stage `key`, wherever an earlier test left the session. */
  async function reach(key: string): Promise<void> {
    const title = stageTitle(key);
    const facilitatorTitle = panels.facilitator.page.getByTestId('stage-title');
    while (!((await facilitatorTitle.textContent()) ?? '').includes(title))
      await panels.facilitator.page
        .getByRole('button', { name: 'Étape suivante', exact: true })
        .click();
    await atStage(key);
  }

  beforeAll(async () => {
    assertPanelBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const created = await postJson<Credentials & { sessionId: string; participantLink: string }>(
      `${server.url}/api/sessions`,
      { groupName: 'Cercle des cadres', templateKey: STANDARD.key, facilitatorName: 'Awa' },
    );
    const joinToken = new URL(created.participantLink).hash.replace('#join=', '');
    const join = (displayName: string) =>
      postJson<Credentials>(`${server.url}/api/sessions/${created.sessionId}/join`, {
        joinToken,
        displayName,
      });
    const seats: Record<RoleName, Credentials> = {
      facilitator: created,
      client: await join('Chloé'),
      consultant: await join('Dan'),
      observer: await join('Oda'),
    };
    for (const role of ROLES) {
      const context = await browser.newContext({
        viewport: { width: 400, height: 900 },
        locale: 'fr-FR',
      });
      await context.addInitScript(KEEP_SOCKETS);
      await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
        key: `cercle:session:${created.sessionId}`,
        value: JSON.stringify({ token: seats[role].token, personId: seats[role].personId }),
      });
      const page = await context.newPage();
      const frames: string[] = [];
      page.on('websocket', (socket) =>
        socket.on('framereceived', (frame) => frames.push(String(frame.payload))),
      );
      await page.goto(`${server.url}/s/${created.sessionId}`);
      await page.getByTestId('stage-title').waitFor();
      panels[role] = { page, frames };
    }
    const { facilitator, client, observer } = panels;
    await facilitator.page.getByLabel('Rôle de Oda').selectOption('observer');
    await observer.page.locator('[data-testid="my-role"][data-role="observer"]').waitFor();
    await facilitator.page.getByRole('button', { name: 'Démarrer la séance' }).click();
    await atStage('inclusion');
    await nextStage('previousDebrief');
    await nextStage('subjectChoice');
    // Chloé's case is chosen: she is the client of the consultation.
    await client.page.getByTestId('case-title').fill('Un agent en retrait');
    await client.page.getByTestId('case-submit').click();
    await facilitator.page.getByTestId('case').first().getByTestId('choose-case').click();
    await client.page.locator('[data-testid="my-role"][data-role="client"]').waitFor();
    for (const key of ['expose', 'clarification', 'contract']) await nextStage(key);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('[R70] item 7: "Démarrer" on a stage with no planned duration counts up on every panel, never "Dépassement"', async () => {
    const { facilitator } = panels;
    for (const { page } of everyone())
      await expect
        .poll(() => page.getByTestId('timer-status').textContent())
        .toBe('Sans durée prévue');
    await facilitator.page.getByRole('button', { name: 'Démarrer', exact: true }).click();
    // Every panel counts the time spent, in a neutral tone, until three seconds have gone by;
    // no reading on the way says overtime.
    const statuses = new Set<string>();
    for (const { page } of everyone()) {
      await page.locator('[data-testid="timer"][data-status="running"]').waitFor();
      await expect
        .poll(
          async () => {
            const [value, tone, status, bar] = await Promise.all([
              page.getByTestId('timer').textContent(),
              page.getByTestId('timer').getAttribute('data-tone'),
              page.getByTestId('timer-status').textContent(),
              page.getByTestId('timer-box').textContent(),
            ]);
            statuses.add(`${tone} ${status} ${bar}`);
            return timerSeconds(value ?? '');
          },
          { timeout: 30_000 },
        )
        .toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId('timer').getAttribute('data-tone')).toBe('elapsed');
      expect(await page.getByTestId('timer-status').textContent()).toBe('Temps écoulé');
    }
    // The facilitator's bar repeats the same count, without a minus sign.
    expect(
      timerSeconds((await facilitator.page.getByTestId('bar-timer').textContent()) ?? ''),
    ).toBeGreaterThanOrEqual(3);
    for (const seen of statuses) {
      expect(seen).not.toContain('Dépassement');
      expect(seen).not.toContain('−');
      expect(seen).toContain('elapsed');
    }
    for (const role of ROLES)
      await panels[role].page.screenshot({ path: join(SCREENSHOTS, `contract-${role}.png`) });
  });

  it('[R71] the option "start the timer when each stage starts" starts the next stage’s timer on every panel', async () => {
    const { facilitator } = panels;
    const option = facilitator.page.getByTestId('timer-auto-all');
    // The box shows the plan as the server holds it: it ticks once the option is recorded.
    await option.click();
    await expect.poll(() => option.isChecked()).toBe(true);
    await nextStage('consultation');
    // Nobody pressed "Démarrer": the consultation's forty minutes run down on every panel.
    for (const { page } of everyone()) {
      await page.locator('[data-testid="timer"][data-status="running"]').waitFor();
      await expect
        .poll(async () => timerSeconds((await page.getByTestId('timer').textContent()) ?? ''))
        .toBeLessThan(40 * 60);
      expect(await page.getByTestId('timer').getAttribute('data-tone')).toBe('normal');
    }
    expect(await facilitator.page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(
      1,
    );
  });

  it('[R72] item 8: the client has no way to post on the board, and the server refuses the raw command', async () => {
    const { client, consultant } = panels;
    await reach('consultation');
    await consultant.page.getByTestId('suggestion-text').fill('Proposer un entretien informel');
    await consultant.page.getByTestId('suggestion-post').click();
    await client.page.getByTestId('suggestion').filter({ hasText: 'entretien informel' }).waitFor();
    // The client's board offers sorting and no field to write in.
    await client.page.getByTestId('sort-keep').first().waitFor();
    expect(await client.page.getByTestId('suggestion-text').count()).toBe(0);
    expect(await client.page.getByTestId('suggestion-post').count()).toBe(0);

    // Sent anyway over the client's own socket, the command is refused.
    const debate = 'Non, on a déjà essayé ça';
    await client.page.evaluate((text) => {
      const sockets = (window as unknown as { keptSockets: WebSocket[] }).keptSockets;
      const open = sockets.filter((socket) => socket.readyState === WebSocket.OPEN);
      const socket = open[open.length - 1];
      if (!socket) throw new Error('no open socket');
      socket.send(
        JSON.stringify({
          type: 'command',
          commandId: 'raw-client-post',
          command: { type: 'postSuggestion', text, visibility: 'group' },
        }),
      );
    }, debate);
    const refusal = () =>
      client.frames
        .map((frame) => JSON.parse(frame) as { type?: string; commandId?: string; reason?: string })
        .find((message) => message.type === 'rejected' && message.commandId === 'raw-client-post');
    await expect.poll(() => refusal()?.reason, { timeout: 30_000 }).toBe('clientListens');
    for (const { page, frames } of everyone()) {
      expect(await page.getByTestId('suggestion').filter({ hasText: debate }).count()).toBe(0);
      expect(frames.join('\n')).not.toContain(debate);
    }
  });

  it('[R73] item 8: the client’s sort is theirs during the consultation; the group sees it once shared at the synthesis', async () => {
    const { client, consultant, facilitator, observer } = panels;
    const suggestion = client.page
      .getByTestId('suggestion')
      .filter({ hasText: 'entretien informel' });
    await suggestion.getByTestId('sort-drop').click();
    await expect
      .poll(() => suggestion.getByTestId('sort-drop').getAttribute('aria-pressed'))
      .toBe('true');
    // A later suggestion reaching every panel proves the sort's own event has reached them too.
    await consultant.page.getByTestId('suggestion-text').fill('Lui confier un projet');
    await consultant.page.getByTestId('suggestion-post').click();
    for (const { page } of everyone())
      await page.getByTestId('suggestion').filter({ hasText: 'confier un projet' }).waitFor();
    for (const { page, frames } of [consultant, facilitator, observer]) {
      const seen = page.getByTestId('suggestion').filter({ hasText: 'entretien informel' });
      expect(await seen.textContent()).not.toContain('J’écarte');
      expect(await seen.getAttribute('class')).toContain('suggestion--new');
      expect(frames.join('\n')).not.toContain('"sort":"drop"');
      expect(frames.join('\n')).not.toContain('"drop"');
    }
    await consultant.page.screenshot({ path: join(SCREENSHOTS, 'consultation-consultant.png') });
    await client.page.screenshot({ path: join(SCREENSHOTS, 'consultation-client.png') });

    await nextStage('break');
    await nextStage('synthesis');
    // At the synthesis the client sees their sort, still theirs, and shares it.
    await client.page.getByTestId('client-sort').waitFor();
    expect(await client.page.getByTestId('client-sort-state').textContent()).toBe(
      'Votre tri n’est visible que par vous.',
    );
    expect(await consultant.page.getByTestId('client-sort').count()).toBe(0);
    await client.page.getByTestId('share-sort').click();
    for (const { page } of [consultant, facilitator, observer]) {
      const card = page.getByTestId('client-sort');
      await card.waitFor();
      await expect.poll(() => card.textContent()).toContain('J’écarte');
      expect(await card.getByTestId('client-sort-item').textContent()).toContain(
        'entretien informel',
      );
    }
    await expect
      .poll(() => client.page.getByTestId('client-sort-state').textContent())
      .toBe('Votre tri est partagé avec le groupe.');
    for (const role of ROLES)
      await panels[role].page.screenshot({ path: join(SCREENSHOTS, `synthesis-${role}.png`) });
  });
});
