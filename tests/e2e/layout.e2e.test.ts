import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES } from '@cercle/domain';
import type { Browser, Locator, Page } from 'playwright-core';
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
import { postJson } from '../support/syncPanel.ts';

// The CI artifact folder: every stage × role, narrow and wide.
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/stages');
const PHONE = { width: 360, height: 720 };
const LAPTOP = { width: 1280, height: 800 };
const ROLES = ['facilitator', 'client', 'consultant', 'observer'] as const;
type RoleName = (typeof ROLES)[number];

// The template a new session starts from: the first one the start page offers.
const STANDARD = TEMPLATES[0];
if (!STANDARD) throw new Error('no template');
const STAGES = STANDARD.stages;

// The case chosen at "Choix du sujet", and the stages during which everyone keeps it in sight:
// from the exposé to the synthesis, written out.
const CASE = { title: 'Un agent en retrait', kind: 'Projet', client: 'Chloé' };
const CASE_STAGES: readonly string[] = [
  'expose',
  'clarification',
  'contract',
  'consultation',
  'break',
  'synthesis',
];
const inCaseStages = (key: string) => CASE_STAGES.includes(key);

interface Credentials {
  readonly token: string;
  readonly personId: string;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where a control sits in the window, or why it cannot be measured. */
async function boxOf(locator: Locator): Promise<Box | string> {
  const count = await locator.count();
  if (count !== 1) return `${count} found`;
  const box = await locator.boundingBox();
  return box ?? 'not rendered';
}

function insideWindow(box: Box | string, size: { width: number; height: number }): string | null {
  if (typeof box === 'string') return box;
  const inside =
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5 &&
    box.height > 0;
  return inside ? null : `at y ${Math.round(box.y)}–${Math.round(box.y + box.height)}`;
}

describe.skipIf(!hasChromium())('the panel at 360 px and 1,280 px, every stage × role', () => {
  let server: ServerProcess;
  let browser: Browser;
  const pages = {} as Record<RoleName, Page>;
  // What the walk measured, each list checked by its own test below.
  const controlsOutOfSight: string[] = [];
  const caseOutOfSight: string[] = [];
  const columns: string[] = [];
  const axeProblems: string[] = [];
  const overflow: string[] = [];
  let axeRuns = 0;
  let stagesWalked = 0;

  const facilitatorControls = (page: Page, undoTo: string | null, isLast: boolean) => ({
    // At the last stage, what comes next is the session's end.
    next: page.getByRole('button', {
      name: isLast ? 'Terminer la séance' : 'Étape suivante',
      exact: true,
    }),
    undo: page.getByRole('button', {
      name: undoTo ? `Annuler : revenir à « ${undoTo} »` : 'Annuler le dernier changement d’étape',
      exact: true,
    }),
    timer: page.getByRole('button', { name: /^(Démarrer|Pause|Reprendre)$/ }),
    reading: page.getByRole('timer').filter({ visible: true }),
  });

  async function scrollTo(page: Page, where: 'top' | 'bottom'): Promise<void> {
    await page.evaluate((end) => {
      window.scrollTo(0, end === 'top' ? 0 : document.documentElement.scrollHeight);
    }, where);
  }

  /** At 360 × 720, the facilitator's controls in the window, at the top and after scrolling down. */
  async function measureControls(
    label: string,
    undoTo: string | null,
    isLast: boolean,
  ): Promise<void> {
    const page = pages.facilitator;
    const controls = facilitatorControls(page, undoTo, isLast);
    for (const where of ['top', 'bottom'] as const) {
      await scrollTo(page, where);
      for (const [name, locator] of Object.entries(controls)) {
        // The time may be read off either clock, the stage card's or the bar's: one is enough.
        const candidates = name === 'reading' ? await locator.all() : [locator];
        const problems = await Promise.all(
          candidates.map(async (one) => insideWindow(await boxOf(one), PHONE)),
        );
        const problem = problems.includes(null) ? null : (problems[0] ?? 'none found');
        if (problem)
          controlsOutOfSight.push(`${label}, scrolled to the ${where}: ${name} ${problem}`);
      }
    }
    await scrollTo(page, 'top');
  }

  async function measureCase(label: string): Promise<void> {
    for (const role of ROLES) {
      await scrollTo(pages[role], 'top');
      const header = pages[role].getByTestId('case-header');
      const box = await boxOf(header);
      const problem = insideWindow(box, PHONE);
      if (problem) {
        caseOutOfSight.push(`${label} ${role}: case header ${problem}`);
        continue;
      }
      const text = (await header.textContent()) ?? '';
      for (const part of Object.values(CASE))
        if (!text.includes(part))
          caseOutOfSight.push(`${label} ${role}: no “${part}” in “${text}”`);
    }
  }

  /** At 1,280 px: the stage and its timer in one column, the stage's cards in the other. */
  async function measureColumns(label: string, role: RoleName): Promise<void> {
    const page = pages[role];
    const stage = await boxOf(page.locator('.stage-card'));
    const cards = await boxOf(page.getByTestId('stage-cards').locator(':scope > *').first());
    if (typeof stage === 'string' || typeof cards === 'string') {
      columns.push(
        `${label} ${role}: stage card ${JSON.stringify(stage)}, cards ${JSON.stringify(cards)}`,
      );
      return;
    }
    const isSideBySide =
      stage.x + stage.width <= cards.x && cards.y < stage.y + stage.height && stage.width >= 280;
    if (!isSideBySide)
      columns.push(
        `${label} ${role}: stage card x ${Math.round(stage.x)}–${Math.round(stage.x + stage.width)} y ${Math.round(stage.y)}, first card x ${Math.round(cards.x)} y ${Math.round(cards.y)}`,
      );
  }

  async function screenshots(name: string, isLast = false): Promise<void> {
    await Promise.all(
      ROLES.map(async (role) => {
        const page = pages[role];
        await scrollTo(page, 'top');
        await page.screenshot({
          path: join(SCREENSHOTS, `${name}-${role}-360.png`),
          fullPage: true,
        });
      }),
    );
    // What the facilitator sees before scrolling at all.
    await pages.facilitator.screenshot({
      path: join(SCREENSHOTS, `${name}-facilitator-360-window.png`),
    });
    for (const role of ROLES) {
      const page = pages[role];
      await page.setViewportSize(LAPTOP);
      await measureColumns(name, role);
      if (role === 'facilitator') {
        // On a laptop too, the bar stays in sight once the page is scrolled to its end.
        await scrollTo(page, 'bottom');
        const { next } = facilitatorControls(page, null, isLast);
        const problem = insideWindow(await boxOf(next), LAPTOP);
        if (problem) controlsOutOfSight.push(`${name} at 1,280 px, scrolled down: next ${problem}`);
        await scrollTo(page, 'top');
      }
      await page.screenshot({
        path: join(SCREENSHOTS, `${name}-${role}-1280.png`),
        fullPage: true,
      });
      await page.setViewportSize(PHONE);
    }
  }

  async function axe(label: string, theme: ThemeName): Promise<void> {
    const results = await Promise.all(
      ROLES.map(async (role) => {
        const page = pages[role];
        await emulateTheme(page, theme);
        await waitForTheme(page, theme);
        const findings = await seriousViolations(page);
        const sideways = await horizontalOverflow(page);
        await emulateTheme(page, 'light');
        await waitForTheme(page, 'light');
        return { role, findings, sideways };
      }),
    );
    for (const { role, findings, sideways } of results) {
      axeRuns += 1;
      if (findings.length > 0)
        axeProblems.push(describeFindings(`${label} ${role} ${theme}`, findings));
      if (sideways > 0) overflow.push(`${label} ${role} ${theme}: ${sideways} px sideways`);
    }
  }

  /** What people write at a stage, so the cards are seen full as well as empty. */
  const fillIn: Partial<Record<string, () => Promise<void>>> = {
    inclusion: async () => {
      await pages.facilitator.getByTestId('launch-inclusion').click();
      await pages.consultant.getByTestId('card-sun').click();
      await pages.facilitator.getByTestId('picks').locator('li').first().waitFor();
    },
    subjectChoice: async () => {
      const { client, consultant, facilitator } = pages;
      await client.getByRole('radio', { name: CASE.kind }).check();
      await client.getByTestId('case-title').fill(CASE.title);
      await client.getByTestId('case-submit').click();
      await consultant.getByTestId('case').first().getByRole('button', { name: 'Voter' }).click();
      await facilitator.getByTestId('case').first().getByTestId('choose-case').click();
      await client.locator('[data-testid="my-role"][data-role="client"]').waitFor();
    },
    contract: async () => {
      await pages.client
        .getByTestId('contract-request')
        .fill('Deux pistes pour renouer le dialogue');
      await pages.client.getByTestId('contract-save').click();
      await pages.consultant.getByTestId('contract-text').waitFor();
    },
    consultation: async () => {
      const { client, consultant, facilitator } = pages;
      await facilitator.getByRole('button', { name: 'Démarrer', exact: true }).click();
      for (const text of ['Un entretien hors du bureau', 'Lui confier un projet à lui']) {
        await consultant.getByTestId('suggestion-text').fill(text);
        await consultant.getByTestId('suggestion-post').click();
        await consultant.getByTestId('suggestion').filter({ hasText: text }).waitFor();
      }
      await client.getByTestId('suggestion').nth(1).waitFor();
    },
    synthesis: async () => {
      await pages.client.getByTestId('plan-actions').fill('Rencontrer l’agent');
      await pages.client.getByTestId('plan-save').click();
      await pages.consultant.getByTestId('plan').waitFor();
    },
    learnings: async () => {
      await pages.consultant.getByTestId('learnings-content').fill('Poser des questions ouvertes');
      await pages.consultant.getByTestId('learnings-save').click();
    },
  };

  beforeAll(async () => {
    assertPanelBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();

    const created = await postJson<Credentials & { sessionId: string; participantLink: string }>(
      `${server.url}/api/sessions`,
      {
        groupName: 'Cercle des cadres de santé',
        templateKey: STANDARD.key,
        facilitatorName: 'Awa',
      },
    );
    const joinToken = new URL(created.participantLink).hash.replace('#join=', '');
    const joinAs = (displayName: string) =>
      postJson<Credentials>(`${server.url}/api/sessions/${created.sessionId}/join`, {
        joinToken,
        displayName,
      });
    const seats: Record<RoleName, Credentials> = {
      facilitator: created,
      client: await joinAs(CASE.client),
      consultant: await joinAs('Dan'),
      observer: await joinAs('Oda'),
    };
    // One page per person for the whole walk: only the stage changes under them.
    await Promise.all(
      ROLES.map(async (role) => {
        const context = await browser.newContext({ viewport: PHONE, locale: 'fr-FR' });
        await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
          key: `cercle:session:${created.sessionId}`,
          value: JSON.stringify({ token: seats[role].token, personId: seats[role].personId }),
        });
        const page = await context.newPage();
        await page.goto(`${server.url}/s/${created.sessionId}`);
        await page.getByTestId('stage-title').waitFor();
        pages[role] = page;
      }),
    );
    const { facilitator, observer } = pages;
    await facilitator.getByLabel('Rôle de Oda').selectOption('observer');
    await observer.locator('[data-testid="my-role"][data-role="observer"]').waitFor();
    await facilitator.getByRole('button', { name: 'Démarrer la séance' }).click();

    for (const [index, stage] of STAGES.entries()) {
      const position = `Étape ${index + 1} sur ${STAGES.length}`;
      const name = `${String(index + 1).padStart(2, '0')}-${stage.key}`;
      for (const role of ROLES)
        await pages[role].getByTestId('stage-position').filter({ hasText: position }).waitFor();
      // The facilitator's tools and every card load apart: wait for them as a person would.
      await facilitator.locator('#controls-title').waitFor();
      await fillIn[stage.key]?.();
      const previous = index > 0 ? STAGES[index - 1]?.title.fr : undefined;
      await measureControls(name, previous ?? null, index === STAGES.length - 1);
      if (inCaseStages(stage.key)) await measureCase(name);
      await screenshots(name, index === STAGES.length - 1);
      // Each stage in one theme, in turn, so every card meets every theme across the walk.
      await axe(name, THEMES[index % THEMES.length] ?? 'light');
      if (stage.key === 'consultation') {
        // The client's board once sorted: one suggestion kept, one set aside, in every theme.
        const board = pages.client.getByTestId('suggestion');
        await board.nth(0).getByTestId('sort-keep').click();
        await board.nth(1).getByTestId('sort-drop').click();
        // The sort is the client's own [R73]: only their board shows it.
        await pages.client.locator('.suggestion--keep').waitFor();
        await pages.client.locator('.suggestion--drop').waitFor();
        await screenshots(`${name}-sorted`);
        // The bar over the cards, scrolled, in the dark and high-contrast themes.
        await facilitator.evaluate(() => window.scrollTo(0, 1200));
        for (const theme of ['dark', 'contrast'] as const) {
          await emulateTheme(facilitator, theme);
          await waitForTheme(facilitator, theme);
          await facilitator.screenshot({
            path: join(SCREENSHOTS, `${name}-facilitator-360-scrolled-${theme}.png`),
          });
        }
        await emulateTheme(facilitator, 'light');
        await waitForTheme(facilitator, 'light');
        for (const theme of THEMES) await axe(`${name} sorted`, theme);
      }
      stagesWalked += 1;
      if (index < STAGES.length - 1)
        await facilitator.getByRole('button', { name: 'Étape suivante', exact: true }).click();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('[layout] at 360 × 720 the facilitator’s next stage, undo and timer are in the window at every stage, scrolled or not (and next at 1,280 px)', () => {
    expect(stagesWalked).toBe(STAGES.length);
    expect(controlsOutOfSight.join('\n')).toBe('');
  });

  it('[layout] the chosen case (title, which P, the client) heads every role’s panel from the exposé to the synthesis', () => {
    expect(STAGES.filter((s) => inCaseStages(s.key))).toHaveLength(CASE_STAGES.length);
    expect(caseOutOfSight.join('\n')).toBe('');
  });

  it('[layout] at 1,280 px the stage and its timer sit beside the stage’s cards', () => {
    expect(columns.join('\n')).toBe('');
  });

  it('[layout] axe finds nothing serious or critical at any stage × role, sorted board included; nothing scrolls sideways at 360 px', () => {
    expect(axeProblems.join('\n'), `${axeRuns} axe runs`).toBe('');
    expect(overflow.join('\n')).toBe('');
    expect(axeRuns).toBe((STAGES.length + THEMES.length) * ROLES.length);
  });
});
