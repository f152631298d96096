import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFindings,
  emulateTheme,
  horizontalOverflow,
  seriousViolations,
  THEMES,
  type ThemeName,
  waitForTheme,
} from '../support/a11y.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/a11y');
const LANGS = ['fr', 'en'] as const;
type Lang = (typeof LANGS)[number];
const NARROW = { width: 320, height: 720 };
// 200 % zoom of a 1280 × 800 window lays the page out in 640 × 400 CSS pixels; the device scale
// factor only sharpens the pixels, so the CSS viewport is what decides reflow.
const ZOOMED_200 = { width: 640, height: 400 };

interface Credentials {
  readonly token: string;
  readonly personId: string;
}

interface View {
  readonly name: string;
  /** Opens the view in this language, ready to be checked. */
  readonly open: (lang: Lang) => Promise<Page>;
}

function withLang(url: string, lang: Lang): string {
  const parsed = new URL(url);
  parsed.searchParams.set('lang', lang);
  return parsed.toString();
}

describe.skipIf(!hasChromium())('accessibility of every view (axe, reflow, themes)', () => {
  let server: ServerProcess;
  let browser: Browser;
  let sessionId = '';
  let participantLink = '';
  const pages = new Map<string, Page>();
  const contexts: BrowserContext[] = [];

  async function context(
    credentials?: Credentials,
    forSession = sessionId,
  ): Promise<BrowserContext> {
    const created = await browser.newContext({ viewport: NARROW, locale: 'fr-FR' });
    contexts.push(created);
    if (credentials)
      await created.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
        key: `cercle:session:${forSession}`,
        value: JSON.stringify(credentials),
      });
    return created;
  }

  /** A new session with a facilitator and three people joined through the API. */
  async function createSession(groupName: string) {
    const created = await post<{
      sessionId: string;
      token: string;
      personId: string;
      participantLink: string;
    }>('/api/sessions', { groupName, templateKey: 'remote-2h', facilitatorName: 'Awa' });
    const joinToken = new URL(created.participantLink).hash.replace('#join=', '');
    const join = (displayName: string) =>
      post<Credentials>(`/api/sessions/${created.sessionId}/join`, { joinToken, displayName });
    return {
      ...created,
      facilitator: { token: created.token, personId: created.personId },
      client: await join('Chloé'),
      consultant: await join('Dan'),
      observer: await join('Oda'),
    };
  }

  async function post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** One page per view, reused across languages and themes. */
  async function pageFor(name: string, make: () => Promise<Page>): Promise<Page> {
    const existing = pages.get(name);
    if (existing) return existing;
    const page = await make();
    pages.set(name, page);
    return page;
  }

  async function openPanel(name: string, credentials: Credentials, lang: Lang, query = '') {
    const page = await pageFor(name, async () => (await context(credentials)).newPage());
    await page.goto(withLang(`${server.url}/s/${sessionId}${query}`, lang));
    await page.locator(`html[lang="${lang}"]`).waitFor();
    return page;
  }

  const people: Record<'facilitator' | 'client' | 'consultant' | 'observer', Credentials> = {
    facilitator: { token: '', personId: '' },
    client: { token: '', personId: '' },
    consultant: { token: '', personId: '' },
    observer: { token: '', personId: '' },
  };

  beforeAll(async () => {
    assertPanelBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();

    // A live session at the consultation, the stage with the most on screen, with every role.
    const created = await createSession('Cercle des cadres de santé');
    sessionId = created.sessionId;
    participantLink = created.participantLink;
    for (const role of ['facilitator', 'client', 'consultant', 'observer'] as const)
      people[role] = created[role];

    const facilitator = await openPanel('facilitator', people.facilitator, 'fr');
    await facilitator.getByLabel('Rôle de Chloé').selectOption('client');
    await facilitator.getByLabel('Rôle de Oda').selectOption('observer');
    await facilitator.getByRole('button', { name: 'Démarrer la séance' }).click();
    await facilitator.getByRole('button', { name: 'Aller à cette étape : Consultation' }).click();
    await facilitator.getByTestId('stage-title').filter({ hasText: 'Consultation' }).waitFor();
    await facilitator.getByRole('button', { name: 'Démarrer', exact: true }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const panelView = (role: keyof typeof people): View => ({
    name: `panel-${role}`,
    open: async (lang) => {
      const page = await openPanel(role, people[role], lang);
      await page.locator(`[data-testid="my-role"][data-role="${role}"]`).waitFor();
      await page.getByTestId('stage-position').filter({ hasText: '7' }).waitFor();
      // The method's cards (and the facilitator's tools) load apart: check them too.
      await page.getByTestId('turns').waitFor();
      if (role === 'facilitator') await page.locator('#controls-title').waitFor();
      return page;
    },
  });

  const VIEWS: View[] = [
    {
      name: 'start',
      open: async (lang) => {
        const page = await pageFor('start', async () => (await context()).newPage());
        await page.goto(withLang(`${server.url}/`, lang));
        await page.getByTestId('group-name').waitFor();
        return page;
      },
    },
    {
      name: 'start-created',
      open: async (lang) => {
        const page = await pageFor('start-created', async () => (await context()).newPage());
        await page.goto(withLang(`${server.url}/`, lang));
        await page.getByTestId('group-name').fill('Groupe des directrices');
        await page.getByTestId('facilitator-name').fill('Inès');
        await page.locator('button[type="submit"]').click();
        await page.getByTestId('participant-link').waitFor();
        return page;
      },
    },
    {
      name: 'join',
      open: async (lang) => {
        const page = await pageFor('join', async () => (await context()).newPage());
        const link = new URL(participantLink);
        link.searchParams.set('lang', lang);
        await page.goto(link.toString());
        await page.getByTestId('display-name').waitFor();
        await page.locator('h2', { hasText: 'Cercle des cadres' }).waitFor();
        return page;
      },
    },
    panelView('facilitator'),
    panelView('client'),
    panelView('consultant'),
    panelView('observer'),
    {
      name: 'stage-view',
      open: async (lang) => {
        const page = await openPanel('stage-view', people.facilitator, lang, '?view=stage');
        await page.getByTestId('stage-view').waitFor();
        return page;
      },
    },
    {
      name: 'cycle',
      open: async (lang) => {
        const page = await pageFor('cycle', async () =>
          (await context(people.facilitator)).newPage(),
        );
        await page.goto(withLang(`${server.url}/g/${sessionId}?from=${sessionId}`, lang));
        await page.getByTestId('cycle-session').first().waitFor();
        return page;
      },
    },
  ];

  async function applyTheme(page: Page, theme: ThemeName): Promise<void> {
    await emulateTheme(page, theme);
    await waitForTheme(page, theme);
  }

  for (const view of VIEWS)
    it(`${view.name}: no serious or critical axe violation in French and English, light, dark and high contrast; no sideways scrolling at 320 px or 200 % zoom`, async () => {
      const problems: string[] = [];
      let checks = 0;
      for (const lang of LANGS) {
        const page = await view.open(lang);
        for (const theme of THEMES) {
          await applyTheme(page, theme);
          const where = `${view.name} ${lang} ${theme}`;
          const findings = await seriousViolations(page);
          checks += 1;
          if (findings.length > 0) problems.push(describeFindings(where, findings));
          const overflow = await horizontalOverflow(page);
          if (overflow > 0)
            problems.push(`${where}: ${overflow} px of sideways scrolling at 320 px`);
          await page.screenshot({
            path: join(SCREENSHOTS, `${view.name}-320-${lang}-${theme}.png`),
            fullPage: true,
          });
        }
        await page.setViewportSize(ZOOMED_200);
        const zoomedOverflow = await horizontalOverflow(page);
        if (zoomedOverflow > 0)
          problems.push(
            `${view.name} ${lang}: ${zoomedOverflow} px of sideways scrolling at 200 %`,
          );
        await page.setViewportSize(NARROW);
        await emulateTheme(page, 'light');
      }
      expect(problems.join('\n'), `${checks} axe runs on ${view.name}`).toBe('');
      expect(checks).toBe(LANGS.length * THEMES.length);
    });

  it('every stage of the method and the end, for every role, with the cards filled in', async () => {
    const walk = await createSession('Cercle de la méthode');
    const open = async (role: keyof typeof people) => {
      const page = await (await context(walk[role], walk.sessionId)).newPage();
      await page.goto(`${server.url}/s/${walk.sessionId}`);
      await page.getByTestId('stage-title').waitFor();
      return page;
    };
    const [awa, chloe, dan, oda] = [
      await open('facilitator'),
      await open('client'),
      await open('consultant'),
      await open('observer'),
    ];
    const everyone = { facilitator: awa, client: chloe, consultant: dan, observer: oda };
    await awa.getByLabel('Rôle de Oda').selectOption('observer');
    await oda.locator('[data-testid="my-role"][data-role="observer"]').waitFor();
    await awa.getByRole('button', { name: 'Démarrer la séance' }).click();

    // What people write at each stage, so the cards are checked full as well as empty.
    const fillIn: Record<number, () => Promise<void>> = {
      0: async () => {
        await awa.getByTestId('launch-inclusion').click();
        await dan.getByTestId('card-sun').click();
        await chloe.getByTestId('card-tea').click();
        await expect.poll(() => awa.getByTestId('picks').locator('li').count()).toBe(2);
      },
      2: async () => {
        await chloe.getByTestId('case-title').fill('Un agent en retrait');
        await chloe.getByTestId('case-submit').click();
        await dan.getByTestId('case').first().getByRole('button', { name: 'Voter' }).click();
        await awa.getByTestId('case').first().getByTestId('choose-case').click();
        await chloe.locator('[data-testid="my-role"][data-role="client"]').waitFor();
      },
      3: async () => {
        await dan.getByTestId('raise-hand').click();
        await awa.getByTestId('hands').waitFor();
      },
      5: async () => {
        await chloe.getByTestId('contract-request').fill('Deux pistes pour renouer le dialogue');
        await chloe.getByTestId('contract-save').click();
        await dan.getByTestId('contract-text').waitFor();
      },
      6: async () => {
        await dan.getByTestId('suggestion-text').fill('Un entretien hors du bureau');
        await dan.getByTestId('suggestion-post').click();
        await chloe.getByTestId('suggestion').first().waitFor();
      },
      8: async () => {
        await chloe.getByTestId('plan-actions').fill('Rencontrer l’agent');
        await chloe.getByTestId('plan-save').click();
        await dan.getByTestId('plan').waitFor();
      },
      9: async () => {
        await dan.getByTestId('learnings-content').fill('Poser des questions ouvertes');
        await dan.getByTestId('learnings-save').click();
        await oda.getByTestId('grid-comment').fill('Bonne écoute');
        await oda.getByTestId('grid-save').click();
      },
    };

    const problems: string[] = [];
    let checks = 0;
    // The four screens are checked at once: each is its own page, and axe runs inside it.
    const check = async (label: string, theme: ThemeName) => {
      const results = await Promise.all(
        Object.entries(everyone).map(async ([role, page]) => {
          await emulateTheme(page, theme);
          await waitForTheme(page, theme);
          return {
            role,
            findings: await seriousViolations(page),
            overflow: await horizontalOverflow(page),
          };
        }),
      );
      for (const { role, findings, overflow } of results) {
        checks += 1;
        if (findings.length > 0)
          problems.push(describeFindings(`${label} ${role} ${theme}`, findings));
        if (overflow > 0) problems.push(`${label} ${role} ${theme}: ${overflow} px sideways`);
      }
    };
    for (let index = 0; index < 11; index += 1) {
      for (const page of Object.values(everyone))
        await page
          .getByTestId('stage-position')
          .filter({ hasText: `Étape ${index + 1} sur 11` })
          .waitFor();
      await fillIn[index]?.();
      // Each stage in one theme, in turn, so every card meets every theme across the walk.
      await check(`stage ${index + 1}`, THEMES[index % THEMES.length] ?? 'light');
      if (index < 10) await awa.keyboard.press('Alt+Shift+KeyN');
    }
    await awa.getByRole('button', { name: 'Terminer la séance' }).click();
    await awa.getByRole('button', { name: 'Confirmer' }).click();
    for (const page of Object.values(everyone)) await page.getByTestId('ended').waitFor();
    for (const theme of THEMES) await check('ended', theme);
    for (const [role, page] of Object.entries(everyone)) {
      await emulateTheme(page, 'light');
      await waitForTheme(page, 'light');
      await page.screenshot({
        path: join(SCREENSHOTS, `ended-${role}-320-fr-light.png`),
        fullPage: true,
      });
    }

    expect(problems.join('\n'), `${checks} axe runs`).toBe('');
    expect(checks).toBe((11 + THEMES.length) * 4);
  });
});
