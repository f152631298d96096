import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import { shiftedClockScript } from '../support/shiftClock.ts';

const ARTIFACTS = join(import.meta.dirname, '../../test-results/screenshots');
const TEN_MINUTES_MS = 10 * 60_000;

interface Attendee {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every WebSocket frame this page received, raw. */
  readonly frames: string[];
}

/** Seconds left on a timer reading such as "4:59" or "−0:12". */
function timerSeconds(text: string): number {
  const match = /^(−?)(\d+):(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not a timer reading: ${text}`);
  const seconds = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -seconds : seconds;
}

describe.skipIf(!hasChromium())('a Codev session in four browsers', () => {
  let server: ServerProcess;
  let browser: Browser;
  const attendees: Attendee[] = [];

  async function open(name: string, options: { clockOffsetMs?: number; locale?: string } = {}) {
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 },
      locale: options.locale ?? 'fr-FR',
    });
    if (options.clockOffsetMs)
      await context.addInitScript(shiftedClockScript(options.clockOffsetMs));
    const page = await context.newPage();
    const frames: string[] = [];
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
    });
    const attendee = { name, context, page, frames };
    attendees.push(attendee);
    return attendee;
  }

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

  it('runs the facilitator, client, consultant and observer through the same stages and timer', async () => {
    // The facilitator creates the session from the start page.
    const facilitator = await open('facilitator');
    await facilitator.page.goto(server.url);
    await facilitator.page.getByTestId('group-name').fill('Cercle des managers territoriaux');
    await facilitator.page.getByTestId('facilitator-name').fill('Awa');
    await facilitator.page.getByRole('button', { name: 'Créer la séance' }).click();
    const participantLink = await facilitator.page.getByTestId('participant-link').inputValue();
    await facilitator.page.getByRole('button', { name: 'Ouvrir le panneau' }).click();
    await facilitator.page.getByTestId('stage-title').waitFor();

    // Three people join with the shared link; the consultant's clock is ten minutes fast.
    const joinAs = async (name: string, options: { clockOffsetMs?: number } = {}) => {
      const attendee = await open(name, options);
      await attendee.page.goto(participantLink);
      await attendee.page.getByTestId('display-name').fill(name);
      await attendee.page.getByRole('button', { name: 'Rejoindre' }).click();
      await attendee.page.getByTestId('stage-title').waitFor();
      return attendee;
    };
    const client = await joinAs('Chloé');
    const consultant = await joinAs('Dan', { clockOffsetMs: TEN_MINUTES_MS });
    const observer = await joinAs('Oda', { clockOffsetMs: -TEN_MINUTES_MS });

    // Roles are assigned from the roster.
    await facilitator.page.getByLabel('Rôle de Chloé').selectOption('client');
    await facilitator.page.getByLabel('Rôle de Oda').selectOption('observer');
    await client.page.locator('[data-testid="my-role"][data-role="client"]').waitFor();
    await observer.page.locator('[data-testid="my-role"][data-role="observer"]').waitFor();
    await consultant.page.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();

    // Start, then three stages forward, then the timer.
    await facilitator.page.getByRole('button', { name: 'Démarrer la séance' }).click();
    const next = facilitator.page.getByRole('button', { name: /Étape suivante/ });
    for (const expected of ['Étape 2 sur 11', 'Étape 3 sur 11', 'Étape 4 sur 11']) {
      await next.click();
      await facilitator.page.getByTestId('stage-position').filter({ hasText: expected }).waitFor();
    }
    await facilitator.page.getByRole('button', { name: 'Démarrer', exact: true }).click();

    const everyone = [facilitator, client, consultant, observer];
    for (const attendee of everyone) {
      await attendee.page.getByTestId('stage-title').filter({ hasText: 'Exposé' }).waitFor();
      await attendee.page.locator('[data-testid="timer"][data-status="running"]').waitFor();
    }
    const guidance = await Promise.all(
      everyone.map((a) => a.page.getByTestId('guidance').textContent()),
    );
    expect(guidance[0]).toContain('Veillez à ce que le client expose sans être interrompu.');
    expect(guidance[1]).toContain('Présentez le contexte et votre problème');
    expect(guidance[2]).toContain('Écoutez sans interrompre');
    expect(guidance[3]).toContain('Notez la qualité d’écoute du groupe.');

    // The timers agree within a second, clocks ten minutes off or not (once each panel has had a
    // round trip or two to estimate its offset).
    let readings: (string | null)[] = [];
    await expect
      .poll(
        async () => {
          readings = await Promise.all(
            everyone.map((a) => a.page.getByTestId('timer').textContent()),
          );
          const seconds = readings.map((text) => timerSeconds(text ?? ''));
          return Math.max(...seconds) - Math.min(...seconds);
        },
        { timeout: 15_000 },
      )
      .toBeLessThanOrEqual(1);
    expect(timerSeconds(readings[0] ?? ''), readings.join(' ')).toBeGreaterThan(9 * 60 - 10);

    // The observer's note stays with the observer.
    const secret = 'Observation privée : le groupe coupe souvent la parole';
    await observer.page.getByTestId('notes').fill(secret);
    await observer.page.getByTestId('notes-state').filter({ hasText: 'Enregistré' }).waitFor();
    await observer.page.reload();
    await expect.poll(() => observer.page.getByTestId('notes').inputValue()).toBe(secret);
    // A later public event reaching every panel proves the note's event has reached them too.
    await facilitator.page.getByRole('button', { name: 'Pause', exact: true }).click();
    for (const attendee of [facilitator, client, consultant])
      await attendee.page.locator('[data-testid="timer"][data-status="paused"]').waitFor();
    for (const attendee of [facilitator, client, consultant]) {
      expect(await attendee.page.content()).not.toContain(secret);
      expect(attendee.frames.join('\n')).not.toContain(secret);
    }
    expect(observer.frames.join('\n')).toContain(secret);

    for (const attendee of everyone)
      await attendee.page.screenshot({
        path: join(ARTIFACTS, `panel-360-${attendee.name}.png`),
        fullPage: true,
      });
  });
});
