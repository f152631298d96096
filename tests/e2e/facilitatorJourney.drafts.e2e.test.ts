import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';

interface Created {
  readonly sessionId: string;
  readonly facilitatorLink: string;
  readonly participantLink: string;
}

describe.skipIf(!hasChromium())('what a facilitator types, and who joins twice', () => {
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

  async function createSession(): Promise<Created> {
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        groupName: 'Codev',
        templateKey: 'remote-2h',
        facilitatorName: 'Awa',
      }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Created;
  }

  /** A device of its own: a fresh browser context, nothing in its storage. */
  async function device(): Promise<Page> {
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 400, height: 900 },
    });
    return context.newPage();
  }

  async function facilitator(created: Created): Promise<Page> {
    const page = await device();
    await page.goto(created.facilitatorLink);
    await page.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
    return page;
  }

  async function join(created: Created, name: string): Promise<Page> {
    const page = await device();
    await page.goto(created.participantLink);
    await page.getByTestId('display-name').fill(name);
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByTestId('stage-title').waitFor();
    return page;
  }

  const atStage = async (pages: readonly Page[], index: number) => {
    for (const page of pages)
      await page
        .getByTestId('stage-position')
        .filter({ hasText: `Étape ${index} sur 11` })
        .waitFor();
  };

  it('keeps every unsaved draft across a stage change, its undo and a reload, and forgets it once saved', async () => {
    const created = await createSession();
    const awa = await facilitator(created);
    const chloe = await join(created, 'Chloé');
    const dan = await join(created, 'Dan');
    const everyone = [awa, chloe, dan];
    const next = async (index: number) => {
      await awa.getByRole('button', { name: /Étape suivante/ }).click();
      await atStage(everyone, index);
    };
    const undo = async (index: number) => {
      await awa.getByRole('button', { name: /Annuler : revenir/ }).click();
      await atStage(everyone, index);
    };

    await awa.getByRole('button', { name: 'Démarrer la séance' }).click();
    await atStage(everyone, 1);
    await next(2);
    await next(3);
    // A case proposal half typed by Dan while Chloé's is chosen.
    await chloe.getByTestId('case-title').fill('Un agent en retrait');
    await chloe.getByTestId('case-submit').click();
    await dan.getByTestId('case-title').fill('DAN-CASE-DRAFT');
    await dan.getByTestId('case-summary').fill('à moitié écrit');
    await awa.getByTestId('choose-case').first().click();
    await chloe.locator('[data-testid="my-role"][data-role="client"]').waitFor();
    await next(4);
    await undo(3);
    await expect.poll(() => dan.getByTestId('case-title').inputValue()).toBe('DAN-CASE-DRAFT');
    expect(await dan.getByTestId('case-summary').inputValue()).toBe('à moitié écrit');

    // The client's contract, typed and not saved, survives "Étape suivante", its undo, a reload.
    await next(4);
    await next(5);
    await next(6);
    await chloe.getByTestId('contract-request').fill('CONTRACT-DRAFT deux pistes');
    await chloe.getByTestId('help-ideas').check();
    await next(7);
    await undo(6);
    await expect
      .poll(() => chloe.getByTestId('contract-request').inputValue())
      .toBe('CONTRACT-DRAFT deux pistes');
    expect(await chloe.getByTestId('help-ideas').isChecked()).toBe(true);
    await chloe.reload();
    await atStage([chloe], 6);
    await expect
      .poll(() => chloe.getByTestId('contract-request').inputValue())
      .toBe('CONTRACT-DRAFT deux pistes');
    // Saved: the draft is forgotten, the saved text stands.
    await chloe.getByTestId('contract-save').click();
    await expect
      .poll(() => dan.getByTestId('contract-text').textContent())
      .toContain('CONTRACT-DRAFT');
    await expect.poll(() => draftsHolding(chloe, 'CONTRACT-DRAFT')).toEqual([]);

    // A half-typed suggestion: after advance and undo, and after a reload.
    await next(7);
    await dan.getByTestId('suggestion-text').fill('IDEA-DRAFT un café');
    await next(8);
    await undo(7);
    await expect
      .poll(() => dan.getByTestId('suggestion-text').inputValue())
      .toBe('IDEA-DRAFT un café');
    await dan.reload();
    await atStage([dan], 7);
    await expect
      .poll(() => dan.getByTestId('suggestion-text').inputValue())
      .toBe('IDEA-DRAFT un café');
    await dan.getByTestId('suggestion-post').click();
    await expect.poll(() => dan.getByTestId('suggestion').count()).toBe(1);
    expect(await dan.getByTestId('suggestion-text').inputValue()).toBe('');
    await expect.poll(() => draftsHolding(dan, 'IDEA-DRAFT')).toEqual([]);
    await dan.reload();
    await atStage([dan], 7);
    expect(await dan.getByTestId('suggestion-text').inputValue()).toBe('');
  });

  it('[R39] keeps the next date and the cycle’s length typed at Conclusion after the end, into session 2 and the cycle page', async () => {
    const created = await createSession();
    const awa = await facilitator(created);
    await awa.getByRole('button', { name: 'Démarrer la séance' }).click();
    await atStage([awa], 1);
    for (let index = 2; index <= 11; index += 1) {
      await awa.getByRole('button', { name: /Étape suivante/ }).click();
      await atStage([awa], index);
    }
    await awa.getByTestId('next-date').fill('2027-01-12');
    await awa.getByTestId('cycle-sessions').fill('6');
    await awa.getByRole('button', { name: 'Terminer la séance' }).click();
    await awa.getByRole('button', { name: 'Confirmer' }).click();
    await awa.getByTestId('ended').waitFor();
    expect(await awa.getByTestId('next-date').inputValue()).toBe('2027-01-12');
    expect(await awa.getByTestId('cycle-sessions').inputValue()).toBe('6');
    await awa.reload();
    await awa.getByTestId('ended').waitFor();
    expect(await awa.getByTestId('next-date').inputValue()).toBe('2027-01-12');
    expect(await awa.getByTestId('cycle-sessions').inputValue()).toBe('6');

    await awa.getByTestId('open-next').click();
    await awa.getByRole('button', { name: 'Démarrer la séance' }).waitFor();
    await expect
      .poll(() => awa.getByTestId('session-plan').textContent())
      .toMatch(/12 janvier 2027.*6 séances/);
    const nextSessionId = new URL(awa.url()).pathname.split('/').pop() ?? '';
    await awa.goto(`${server.url}/g/${created.sessionId}?from=${nextSessionId}`);
    await expect.poll(() => awa.getByTestId('cycle-session').count()).toBe(2);
    const cycle = (await awa.getByTestId('cycle').textContent()) ?? '';
    for (const text of ['Séance 1 sur 6', 'Séance 2 sur 6', 'prévue le 12 janvier 2027'])
      expect(cycle, `${text} in ${cycle}`).toContain(text);
  });

  it('[R80] refuses a second seat under a name already taken, offers the own-device link, and lets a new name in', async () => {
    const created = await createSession();
    const awa = await facilitator(created);
    const dan = await join(created, 'Dan');
    await expect.poll(() => awa.getByTestId('roster-person').count()).toBe(2);

    // The same name from a second device: no second Dan, and the way back to the first seat.
    const phone = await device();
    await phone.goto(created.participantLink);
    await phone.getByTestId('display-name').fill(' Dan ');
    await phone.getByRole('button', { name: 'Rejoindre' }).click();
    const taken = phone.getByTestId('name-taken');
    await taken.waitFor();
    expect(await taken.textContent()).toContain('Ouvrir Cercle sur un autre appareil');
    expect(await awa.getByTestId('roster-person').count()).toBe(2);

    // The proof: Dan's own device link opens Dan's seat on the phone.
    await dan.getByText('Ouvrir Cercle sur un autre appareil').click();
    await dan.getByRole('button', { name: 'Créer mon lien' }).click();
    const link = await dan.getByTestId('other-device-link').inputValue();
    // Only the fragment differs from the invitation's address: leave the page so the link loads anew.
    await phone.goto('about:blank');
    await phone.goto(link);
    await phone.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    expect(await phone.getByTestId('my-role').textContent()).toContain('Dan');
    expect(await awa.getByTestId('roster-person').count()).toBe(2);

    // Someone else joins under a name of their own.
    const other = await device();
    await other.goto(created.participantLink);
    await other.getByTestId('display-name').fill('Dan');
    await other.getByRole('button', { name: 'Rejoindre' }).click();
    await other.getByTestId('name-taken').waitFor();
    await other.getByTestId('display-name').fill('Dan M.');
    await other.getByRole('button', { name: 'Rejoindre' }).click();
    await other.getByTestId('stage-title').waitFor();
    await expect.poll(() => awa.getByTestId('roster-person').count()).toBe(3);
  });
});

/** The drafts this device keeps that still hold `words`. */
function draftsHolding(page: Page, words: string): Promise<string[]> {
  return page.evaluate(
    (needle) =>
      Object.keys(localStorage).filter(
        (key) => key.startsWith('cercle:draft:') && localStorage.getItem(key)?.includes(needle),
      ),
    words,
  );
}
