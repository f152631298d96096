import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';

const ARTIFACTS = join(import.meta.dirname, '../../test-results/screenshots');
const NBSP = '\u00a0';
const EMOJI = /\p{Extended_Pictographic}/u;
const CONFIDENTIAL_FR = `Confidentiel${NBSP}: ce qui se dit dans le groupe reste dans le groupe`;

/**
 * The contrast of an element's text against the first opaque background behind it, as WCAG 2
 * computes it, with the opacity of the element and its ancestors blended in.
 */
function contrastOf(element: Element): number {
  const rgba = (css: string) => {
    const parts = (/rgba?\(([^)]+)\)/.exec(css)?.[1] ?? '0 0 0 0')
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1] as const;
  };
  let opacity = 1;
  for (let e: Element | null = element; e; e = e.parentElement)
    opacity *= Number(getComputedStyle(e).opacity);
  let background: readonly number[] = [255, 255, 255, 1];
  for (let e: Element | null = element; e; e = e.parentElement) {
    const colour = rgba(getComputedStyle(e).backgroundColor);
    if (colour[3] > 0) {
      background = colour;
      break;
    }
  }
  const text = rgba(getComputedStyle(element).color);
  const alpha = text[3] * opacity;
  const seen = [0, 1, 2].map((i) => (text[i] ?? 0) * alpha + (background[i] ?? 0) * (1 - alpha));
  const luminance = (c: readonly number[]) => {
    const [r, g, b] = [0, 1, 2].map((i) => {
      const v = (c[i] ?? 0) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(seen), luminance(background)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe.skipIf(!hasChromium())(
  'wording, typography, pictures, contrast and the code of ethics, over a whole session',
  () => {
    let server: ServerProcess;
    let browser: Browser;
    let awa: Page;
    let chloe: Page;
    let dan: Page;
    let oda: Page;
    let everyone: Record<string, Page>;
    /** What the walk through the session saw, judged by the tests after it. */
    const seen = {
      /** Each panel's text at each stage, by "name at stage". */
      texts: new Map<string, string>(),
      deckPictures: 0,
      pickPictures: 0,
      handPictures: 0,
      /** Contrast of each suggestion author's text, the set-aside one first. */
      authorContrasts: [] as number[],
      plan: '',
      summary: '',
      printable: '',
      myData: '',
    };

    async function open(): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: 400, height: 900 },
        locale: 'fr-FR',
        acceptDownloads: true,
      });
      return context.newPage();
    }

    beforeAll(async () => {
      assertPanelBuilt();
      mkdirSync(ARTIFACTS, { recursive: true });
      server = await startServer();
      browser = await launchChromium();
      awa = await open();
      await awa.goto(server.url);
      await awa.getByTestId('group-name').fill('Cercle des cadres de santé');
      await awa.getByTestId('facilitator-name').fill('Awa');
      await awa.getByRole('button', { name: 'Créer la séance' }).click();
      const link = await awa.getByTestId('participant-link').inputValue();
      await awa.getByRole('button', { name: 'Ouvrir le panneau' }).click();
      await awa.getByTestId('stage-title').waitFor();
      const enter = async (name: string) => {
        const page = await open();
        await page.goto(link);
        await page.getByTestId('display-name').fill(name);
        await page.getByRole('button', { name: 'Rejoindre' }).click();
        await page.getByTestId('stage-title').waitFor();
        return page;
      };
      chloe = await enter('Chloé');
      dan = await enter('Dan');
      oda = await enter('Oda');
      everyone = { Awa: awa, Chloé: chloe, Dan: dan, Oda: oda };
      await awa.getByLabel('Rôle de Oda').selectOption('observer');
      await oda.locator('[data-testid="my-role"][data-role="observer"]').waitFor();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.dispose();
    });

    it('[R90] the group’s first session opens on its code of ethics: each person accepts, the facilitator sees who has not', async () => {
      for (const page of Object.values(everyone)) await page.getByTestId('ethics').waitFor();
      expect(await dan.getByTestId('ethics').textContent()).toContain('Confidentialité');
      const pending = awa.getByTestId('ethics-pending');
      await expect
        .poll(() => pending.textContent())
        .toBe(`Pas encore acceptée par${NBSP}: Awa, Chloé, Dan, Oda`);
      expect(await oda.getByTestId('ethics-pending').count()).toBe(0);
      await chloe.getByTestId('accept-ethics').click();
      await dan.getByTestId('accept-ethics').click();
      await expect
        .poll(() => pending.textContent())
        .toBe(`Pas encore acceptée par${NBSP}: Awa, Oda`);
      await expect.poll(() => awa.getByTestId('ethics-mark').count()).toBe(2);
      await dan.getByTestId('ethics-accepted').waitFor();
      await awa.screenshot({ path: join(ARTIFACTS, 'ethics-facilitator.png'), fullPage: true });
      await oda.getByTestId('accept-ethics').click();
      await awa.getByTestId('accept-ethics').click();
      await expect.poll(() => pending.textContent()).toBe('Tout le monde a accepté la charte.');
      await expect.poll(() => chloe.getByTestId('ethics-mark').count()).toBe(4);
    });

    it('walks the eleven stages with four people, then exports', async () => {
      const look = async (stage: string) => {
        for (const [name, page] of Object.entries(everyone))
          seen.texts.set(`${name} at ${stage}`, (await page.locator('body').textContent()) ?? '');
      };
      const nextStage = async (title: string) => {
        await awa.getByRole('button', { name: /Étape suivante/ }).click();
        for (const page of Object.values(everyone))
          await page.getByTestId('stage-title').filter({ hasText: title }).waitFor();
      };

      await awa.getByRole('button', { name: 'Démarrer la séance' }).click();
      await awa.getByTestId('launch-inclusion').click();
      const cards = ['sun', 'rocket', 'compass', 'tea'];
      for (const [i, page] of Object.values(everyone).entries())
        await page.getByTestId(`card-${cards[i]}`).click();
      await expect.poll(() => dan.getByTestId('picks').locator('li').count()).toBe(4);
      seen.deckPictures = await dan
        .getByTestId('card-sun')
        .locator('svg[aria-hidden="true"]')
        .count();
      seen.pickPictures = await dan.getByTestId('picks').locator('svg[aria-hidden="true"]').count();
      await look('Inclusion');
      await dan.screenshot({ path: join(ARTIFACTS, 'inclusion-pictures.png'), fullPage: true });

      await nextStage('Retour du client précédent');
      await look('Retour du client précédent');

      await nextStage('Choix du sujet');
      await chloe.getByTestId('case-title').fill('Un agent en retrait');
      await chloe.getByTestId('case-submit').click();
      await awa.getByTestId('case').first().getByTestId('choose-case').click();
      await chloe.locator('[data-testid="my-role"][data-role="client"]').waitFor();
      await look('Choix du sujet');

      await nextStage('Exposé');
      await look('Exposé');

      await nextStage('Clarification');
      await dan.getByTestId('raise-hand').click();
      await expect.poll(() => awa.getByTestId('hands').textContent()).toContain('Dan');
      seen.handPictures = await awa.getByTestId('hands').locator('svg[aria-hidden="true"]').count();
      await look('Clarification');

      await nextStage('Contrat');
      await chloe.getByTestId('contract-request').fill('Deux pistes pour renouer le dialogue');
      await chloe.getByTestId('contract-save').click();
      await expect
        .poll(() => dan.getByTestId('contract-text').textContent())
        .toContain('renouer le dialogue');
      await look('Contrat');

      await nextStage('Consultation');
      await dan.getByTestId('suggestion-text').fill('Proposer un entretien informel');
      await dan.getByTestId('suggestion-post').click();
      await expect.poll(() => chloe.getByTestId('suggestion').count()).toBe(1);
      await chloe.getByTestId('suggestion').first().getByTestId('sort-drop').click();
      const dropped = chloe.locator('.suggestion--drop .suggestion__author');
      await dropped.waitFor();
      seen.authorContrasts.push(await dropped.evaluate(contrastOf));
      for (const page of Object.values(everyone))
        for (const author of await page.locator('.suggestion__author').all())
          seen.authorContrasts.push(await author.evaluate(contrastOf));
      await look('Consultation');

      await nextStage('Pause');
      await look('Pause');

      await nextStage('Synthèse');
      await chloe.getByTestId('plan-actions').fill('Rencontrer l’agent en tête à tête');
      await chloe.getByTestId('plan-by-when').fill('2026-01-15');
      await chloe.getByTestId('plan-save').click();
      await expect.poll(() => dan.getByTestId('plan').textContent()).toContain('tête à tête');
      seen.plan = (await dan.getByTestId('plan').textContent()) ?? '';
      await look('Synthèse');

      await nextStage('Apprentissages');
      await dan.getByTestId('weather-sunny').check();
      await look('Apprentissages');
      await dan
        .getByTestId('evaluation')
        .screenshot({ path: join(ARTIFACTS, 'weather-pictures.png') });

      await nextStage('Conclusion');
      await look('Conclusion');
      const downloading = chloe.waitForEvent('download');
      await chloe.getByTestId('export-md').click();
      seen.summary = readFileSync((await (await downloading).path()) as string, 'utf8');
      const printing = chloe.context().waitForEvent('page');
      await chloe.getByTestId('export-print').click();
      const printable = await printing;
      await printable.waitForLoadState();
      await expect.poll(() => printable.locator('body').textContent()).toContain('Cas');
      seen.printable = (await printable.locator('body').textContent()) ?? '';
      await chloe.locator('details.my-data > summary').click();
      const exporting = chloe.waitForEvent('download');
      await chloe.getByRole('button', { name: 'Exporter mes données' }).click();
      seen.myData = readFileSync((await (await exporting).path()) as string, 'utf8');
      expect(seen.texts.size).toBe(4 * 11);
    });

    it('no panel shows a middle-dot inclusive form, in any stage', () => {
      const dotted = [...seen.texts].filter(([, text]) => text.includes('·'));
      expect(
        dotted.map(([where, text]) => `${where}: ${/.{0,30}·.{0,30}/.exec(text)?.[0]}`),
      ).toEqual([]);
      expect(seen.texts.get('Dan at Choix du sujet')).toContain('Consultant');
    });

    it('no panel shows an emoji: the cards, the weathers and the raised hand are drawn in SVG', () => {
      const withEmoji = [...seen.texts].filter(([, text]) => EMOJI.test(text));
      expect(withEmoji.map(([where, text]) => `${where}: ${EMOJI.exec(text)?.[0]}`)).toEqual([]);
      expect(seen.deckPictures).toBe(1);
      expect(seen.pickPictures).toBe(4);
      expect(seen.handPictures).toBe(1);
    });

    it('the author of a suggestion set aside reads at 4.5:1 or more, as every author does', () => {
      expect(seen.authorContrasts.length).toBeGreaterThan(1);
      for (const ratio of seen.authorContrasts) expect(ratio).toBeGreaterThanOrEqual(4.5);
    });

    it('a due date reads in full, “15 janvier 2026”, never ISO', () => {
      expect(seen.plan).toContain('15 janvier 2026');
      for (const [where, text] of seen.texts) expect(text, where).not.toContain('2026-01-15');
      expect(seen.summary).toContain('15 janvier 2026');
      expect(seen.summary).not.toContain('2026-01-15');
    });

    it('the French export puts a non-breaking space before : ; ? ! and never says “moi”', () => {
      expect(seen.summary).toContain(`Client${NBSP}: Vous`);
      expect(seen.summary).toContain(`Cas${NBSP}: Un agent en retrait`);
      expect(seen.summary).not.toMatch(/moi\s*:/i);
      expect(seen.summary.match(/\S[:;?!](?=\s|$)/gm) ?? []).toEqual([]);
      expect(seen.printable).toContain(`Client${NBSP}: Vous`);
    });

    it('[R90] every export carries the confidentiality line: Markdown, printable page, my data', () => {
      expect(seen.summary).toContain(CONFIDENTIAL_FR);
      expect(seen.printable).toContain(CONFIDENTIAL_FR);
      const data = JSON.parse(seen.myData) as { confidentiality?: { fr?: string } };
      expect(data.confidentiality?.fr).toContain(CONFIDENTIAL_FR);
    });
  },
);
