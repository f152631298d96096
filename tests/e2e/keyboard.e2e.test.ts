import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { focusRing, tabTo, walkWithTab } from '../support/keyboard.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/a11y');

/** Seconds left on a timer reading such as "4:59" or "−0:12". */
function timerSeconds(text: string | null): number {
  const match = /^(−?)(\d+):(\d{2})$/.exec((text ?? '').trim());
  if (!match) throw new Error(`not a timer reading: ${text}`);
  const seconds = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -seconds : seconds;
}

async function stagePosition(page: Page): Promise<string> {
  return (await page.getByTestId('stage-position').textContent()) ?? '';
}

describe.skipIf(!hasChromium())('a facilitator runs a session with the keyboard alone', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    assertPanelBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('creates the session, starts it, moves through stages and runs the timer without a mouse', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 },
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    const keys = page.keyboard;

    // The start page: every field by Tab, text by typing, the form sent with Enter.
    await page.goto(server.url);
    await page.getByTestId('group-name').waitFor();
    await tabTo(page, { selector: '[data-testid="group-name"]' });
    await keys.type('Cercle des cadres');
    await tabTo(page, { selector: '[data-testid="facilitator-name"]' });
    await keys.type('Awa');
    await tabTo(page, { name: 'Créer la séance' });
    await keys.press('Enter');
    await page.getByTestId('participant-link').waitFor();
    await tabTo(page, { name: 'Ouvrir le panneau' });
    await keys.press('Enter');
    await page.getByTestId('stage-title').waitFor();

    await page.locator('#controls-title').waitFor();
    await tabTo(page, { name: 'Démarrer la séance' });
    const ring = await focusRing(page);
    expect(ring.style).not.toBe('none');
    expect(ring.widthPx).toBeGreaterThanOrEqual(2);
    await keys.press('Space');
    await page.getByTestId('stage-position').filter({ hasText: 'En cours' }).waitFor();

    // Every control of the live panel is reachable, in reading order; none is skipped.
    await page.getByRole('button', { name: 'Étape suivante' }).waitFor();
    await page.getByRole('button', { name: '+1 min' }).waitFor();
    const walk = await walkWithTab(page);
    expect(walk.visited, 'Tab order').toEqual(walk.expected);
    expect(walk.expected.length).toBeGreaterThan(20);

    // Record what the screen reader's live region says, in order.
    await page.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { __said: string[] }).__said = said;
      const region = document.querySelector('[data-testid="announcer"]');
      if (!region) throw new Error('no live region');
      new MutationObserver(() => {
        const text = region.textContent ?? '';
        if (text) said.push(text);
      }).observe(region, { childList: true, subtree: true, characterData: true });
    });
    const said = () => page.evaluate(() => (window as unknown as { __said: string[] }).__said);

    // Shortcuts, shown in the buttons' tooltips.
    const next = page.getByRole('button', { name: 'Étape suivante' });
    expect(await next.getAttribute('title')).toBe('Étape suivante (Alt+Maj+N)');
    expect(await next.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+N');
    await keys.press('Alt+Shift+KeyN');
    await page.getByTestId('stage-position').filter({ hasText: 'Étape 2 sur 11' }).waitFor();
    await keys.press('Alt+Shift+KeyN');
    await page.getByTestId('stage-position').filter({ hasText: 'Étape 3 sur 11' }).waitFor();
    await keys.press('Alt+Shift+KeyP');
    await page.getByTestId('stage-position').filter({ hasText: 'Étape 2 sur 11' }).waitFor();
    await keys.press('Alt+Shift+KeyU');
    await page.getByTestId('stage-position').filter({ hasText: 'Étape 3 sur 11' }).waitFor();

    // The same with Tab and Enter on the button itself.
    await tabTo(page, { name: 'Étape suivante' });
    await keys.press('Enter');
    await page.getByTestId('stage-title').filter({ hasText: 'Exposé' }).waitFor();

    // Typing in the notes never moves the stage, even with the shortcut's keys.
    await tabTo(page, { selector: '[data-testid="notes"]' });
    await keys.type('Une note');
    await keys.press('Alt+Shift+KeyN');
    await keys.press('Alt+Shift+KeyS');
    // The note is saved after the keys were pressed, on the same socket: once the server has it,
    // any command those keys had sent would have been answered too.
    await page.getByTestId('notes-state').filter({ hasText: 'Enregistré' }).waitFor();
    expect(await stagePosition(page)).toContain('Étape 4 sur 11');
    expect(await page.getByTestId('timer').getAttribute('data-status')).toBe('idle');
    expect(await page.getByTestId('notes').inputValue()).toBe('Une note');
    await keys.press('Shift+Tab');

    // The timer: start, run, minus one minute at a time down to time up.
    await keys.press('Alt+Shift+KeyS');
    await page.locator('[data-testid="timer"][data-status="running"]').waitFor();
    const first = timerSeconds(await page.getByTestId('timer').textContent());
    const reading = async () => timerSeconds(await page.getByTestId('timer').textContent());
    // Seconds round up: 10:00 shows for up to a second after the start.
    await expect.poll(reading, { timeout: 15_000 }).toBeLessThan(first);
    await keys.press('Alt+Shift+ArrowUp');
    await expect.poll(reading, { timeout: 15_000 }).toBeGreaterThan(first);
    for (let minute = 11; minute >= 1; minute -= 1) {
      await keys.press('Alt+Shift+ArrowDown');
      await expect.poll(reading, { timeout: 15_000 }).toBeLessThan(minute * 60 - 60 + 1);
    }
    await page.locator('[data-testid="timer"][data-tone="overtime"]').waitFor();
    // The gentle cue, on by default on the facilitator's device: the timer pulses.
    await page.locator('[data-testid="timer-box"][data-cue="pulse"]').waitFor();
    await keys.press('Alt+Shift+KeyS');
    await page.locator('[data-testid="timer"][data-status="paused"]').waitFor();

    // Each moment said once: two stage changes by shortcut, two more, then the last minute and time up.
    await expect.poll(said, { timeout: 15_000 }).toContain('Temps écoulé pour « Exposé ».');
    const announcements = await said();
    expect(announcements.filter((s) => s.startsWith('Plus qu’une minute'))).toEqual([
      'Plus qu’une minute pour « Exposé ».',
    ]);
    expect(announcements.filter((s) => s.startsWith('Temps écoulé'))).toHaveLength(1);
    expect(announcements.filter((s) => s.startsWith('Étape'))).toEqual([
      'Étape 2 sur 11 : Retour du client précédent. Parole au client.',
      'Étape 3 sur 11 : Choix du sujet. Parole à tous.',
      'Étape 2 sur 11 : Retour du client précédent. Parole au client.',
      'Étape 3 sur 11 : Choix du sujet. Parole à tous.',
      'Étape 4 sur 11 : Exposé. Parole au client.',
    ]);

    // The cue is switched off from the keyboard too, for this device only.
    await tabTo(page, { selector: '[data-testid="cues"]' });
    await keys.press('Space');
    expect(await page.evaluate(() => localStorage.getItem('cercle:cues'))).toBe('off');
    await tabTo(page, { name: 'Raccourcis clavier' });
    await keys.press('Enter');
    await page.locator('details.shortcuts[open]').waitFor();
    await page.screenshot({
      path: join(SCREENSHOTS, 'keyboard-facilitator-360-fr-light.png'),
      fullPage: true,
    });
    await context.close();
  });
});
