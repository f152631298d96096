import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { TEST_TIMEOUT_MS } from '../support/patience.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';

/**
 * What the method asks around the consultation, in real browsers: subjects prepared before the
 * session [R64], clarification questions and the advice flag [R60], the client's private note
 * [R61], the observer's notes by stage and their grid, shared only by the observer's choice
 * [R62] [R63].
 */
describe.skipIf(!hasChromium())('what the method asks around the consultation', () => {
  let server: ServerProcess;
  let browser: Browser;

  interface Person {
    readonly page: Page;
    /** Every frame the person's panel received, for what must never reach it. */
    readonly frames: string[];
  }

  async function open(): Promise<Person> {
    const context = await browser.newContext({
      viewport: { width: 400, height: 900 },
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    const frames: string[] = [];
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => frames.push(String(frame.payload))),
    );
    return { page, frames };
  }

  /** A new group's first session: its facilitator, and people who join by the link. */
  async function group(names: readonly string[]) {
    const awa = await open();
    await awa.page.goto(server.url);
    await awa.page.getByTestId('group-name').fill('Cercle des encadrants');
    await awa.page.getByTestId('facilitator-name').fill('Awa');
    await awa.page.getByRole('button', { name: 'Créer la séance' }).click();
    const link = await awa.page.getByTestId('participant-link').inputValue();
    await awa.page.getByRole('button', { name: 'Ouvrir le panneau' }).click();
    await awa.page.getByTestId('stage-title').waitFor();
    const others: Person[] = [];
    for (const name of names) {
      const person = await open();
      await person.page.goto(link);
      await person.page.getByTestId('display-name').fill(name);
      await person.page.getByRole('button', { name: 'Rejoindre' }).click();
      await person.page.getByTestId('stage-title').waitFor();
      others.push(person);
    }
    const everyone = [awa, ...others];
    /** The facilitator moves on; every panel shows the stage before the next click. */
    const nextStage = async (title: string) => {
      await awa.page.getByRole('button', { name: /Étape suivante/ }).click();
      for (const { page } of everyone)
        await page.getByTestId('stage-title').filter({ hasText: title }).waitFor();
    };
    return { awa, others, everyone, nextStage };
  }

  /** Started, a case by `client` chosen at the choice of subject, at `until` (a stage title). */
  async function consulting(names: readonly string[], until: readonly string[]) {
    const g = await group(names);
    const [client] = g.others;
    if (!client) throw new Error('no client');
    await g.awa.page.getByRole('button', { name: 'Démarrer la séance' }).click();
    await g.nextStage('Retour du client précédent');
    await g.nextStage('Choix du sujet');
    await client.page.getByTestId('case-title').fill('Un agent en retrait');
    await client.page.getByTestId('case-submit').click();
    await g.awa.page.getByTestId('case').first().getByTestId('choose-case').click();
    await client.page.locator('[data-testid="my-role"][data-role="client"]').waitFor();
    for (const title of until) await g.nextStage(title);
    return g;
  }

  beforeAll(async () => {
    assertPanelBuilt();
    server = await startServer();
    browser = await launchChromium();
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it(
    '[R64] a member proposes a subject between sessions; the facilitator sees it before the start and chooses it',
    async () => {
      const { awa, others } = await group(['Chloé']);
      const [chloe] = others as [Person];
      // The first session ends; the facilitator opens the group's next one, Chloé follows.
      await awa.page.getByRole('button', { name: 'Démarrer la séance' }).click();
      await awa.page.getByRole('button', { name: 'Terminer la séance' }).click();
      await awa.page.getByRole('button', { name: 'Confirmer' }).click();
      await awa.page.getByTestId('open-next').click();
      await awa.page.getByRole('button', { name: 'Démarrer la séance' }).waitFor();
      await chloe.page.getByTestId('join-next').click();
      await chloe.page.getByTestId('stage-title').filter({ hasText: 'Inclusion' }).waitFor();

      // Before the start: Chloé proposes her subject, the facilitator reads it.
      await chloe.page.getByTestId('cases-in-advance').waitFor();
      await chloe.page.getByLabel('Projet').check();
      await chloe.page.getByTestId('case-title').fill('Présenter la fusion au comité');
      await chloe.page.getByTestId('case-submit').click();
      await expect
        .poll(() => awa.page.getByTestId('cases').textContent())
        .toContain('Présenter la fusion au comité');
      expect(await awa.page.getByTestId('cases').textContent()).toContain('par Chloé');

      // At the choice of subject, it waits as a proposal, and the facilitator chooses it.
      await awa.page.getByRole('button', { name: 'Démarrer la séance' }).click();
      for (const title of ['Retour du client précédent', 'Choix du sujet']) {
        await awa.page.getByRole('button', { name: /Étape suivante/ }).click();
        await chloe.page.getByTestId('stage-title').filter({ hasText: title }).waitFor();
      }
      const proposal = awa.page
        .getByTestId('case')
        .filter({ hasText: 'Présenter la fusion au comité' });
      await proposal.getByTestId('choose-case').click();
      await chloe.page.locator('[data-testid="my-role"][data-role="client"]').waitFor();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    '[R60] [R46] a consultant’s question is recorded with who asked it, and the facilitator flags it as advice',
    async () => {
      const { awa, others, everyone } = await consulting(
        ['Chloé', 'Dan'],
        ['Exposé', 'Clarification'],
      );
      const [chloe, dan] = others as [Person, Person];
      // The client answers; only consultants note questions.
      expect(await chloe.page.getByTestId('question-text').count()).toBe(0);
      await dan.page.getByTestId('question-text').fill('Et si tu lui proposais un café ?');
      await dan.page.getByTestId('question-submit').click();
      for (const { page } of everyone)
        await expect
          .poll(() => page.getByTestId('question').first().textContent())
          .toMatch(/Dan.*Et si tu lui proposais un café/);
      expect(await dan.page.getByTestId('flag-question').count()).toBe(0);
      await awa.page.getByTestId('flag-question').click();
      for (const { page } of everyone)
        await expect
          .poll(() => page.getByTestId('question').first().getAttribute('data-flagged'))
          .toBe('true');
      expect(await chloe.page.getByTestId('question-flagged').textContent()).toContain(
        'conseil déguisé',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    '[R61] the client keeps a private note during the consultation that no other panel receives',
    async () => {
      const { awa, others, nextStage } = await consulting(
        ['Chloé', 'Dan'],
        ['Exposé', 'Clarification', 'Contrat', 'Consultation'],
      );
      const [chloe, dan] = others as [Person, Person];
      await chloe.page.getByTestId('client-note-text').fill('NOTE-PRIVEE-CHLOE : garder le café');
      await chloe.page.getByTestId('client-note-save').click();
      await chloe.page.getByTestId('client-note').getByText('Enregistré').waitFor();
      // It stays the client's after a reload.
      await chloe.page.reload();
      await expect
        .poll(() => chloe.page.getByTestId('client-note-text').inputValue())
        .toContain('NOTE-PRIVEE-CHLOE');
      expect(await dan.page.getByTestId('client-note').count()).toBe(0);
      expect(await awa.page.getByTestId('client-note').count()).toBe(0);
      // The stage changes after the note was saved: a panel that shows the new stage has had
      // every frame sent before it.
      await nextStage('Pause');
      expect(dan.frames.join('\n')).not.toContain('NOTE-PRIVEE-CHLOE');
      expect(awa.frames.join('\n')).not.toContain('NOTE-PRIVEE-CHLOE');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    '[R62] [R63] the observer’s notes carry their stage and time; notes and grid reach the group only once shared',
    async () => {
      const { awa, others, nextStage } = await group(['Dan', 'Oda']);
      const [dan, oda] = others as [Person, Person];
      await awa.page.getByLabel('Rôle de Oda').selectOption('observer');
      await oda.page.locator('[data-testid="my-role"][data-role="observer"]').waitFor();
      await awa.page.getByRole('button', { name: 'Démarrer la séance' }).click();
      await oda.page.getByTestId('stage-note-text').fill('OBS-INCLUSION tout le monde parle');
      await oda.page.getByTestId('stage-note-submit').click();
      await nextStage('Retour du client précédent');
      await oda.page.getByTestId('stage-note-text').fill('OBS-RETOUR écoute attentive');
      await oda.page.getByTestId('stage-note-submit').click();
      const notes = oda.page.getByTestId('stage-note');
      await expect.poll(() => notes.count()).toBe(2);
      expect(await notes.nth(0).textContent()).toMatch(/Inclusion.*\d{2}:\d{2}.*OBS-INCLUSION/);
      expect(await notes.nth(1).textContent()).toMatch(
        /Retour du client précédent.*\d{2}:\d{2}.*OBS-RETOUR/,
      );
      expect(await notes.nth(1).getAttribute('data-stage')).toBe('previousDebrief');
      expect(await dan.page.getByTestId('stage-notes-card').count()).toBe(0);

      for (const title of [
        'Choix du sujet',
        'Exposé',
        'Clarification',
        'Contrat',
        'Consultation',
        'Pause',
        'Synthèse',
        'Apprentissages',
      ])
        await nextStage(title);
      // The grid marks the method's criteria; private until the observer shares it.
      await oda.page.getByTestId('grid-stagesRespected-4').check();
      await oda.page.getByTestId('grid-clientListening-2').check();
      await oda.page.getByTestId('grid-kindness-4').check();
      await oda.page.getByTestId('grid-timeKept-1').check();
      await oda.page.getByTestId('grid-comment').fill('GRILLE-ODA');
      await oda.page.getByTestId('grid-save').click();
      await oda.page.getByTestId('observer-grid').getByText('Enregistré').waitFor();
      await dan.page.getByTestId('stage-title').filter({ hasText: 'Apprentissages' }).waitFor();
      expect(await dan.page.getByTestId('shared-observations').count()).toBe(0);
      for (const person of [dan, awa]) {
        const received = person.frames.join('\n');
        expect(received).not.toContain('GRILLE-ODA');
        expect(received).not.toContain('OBS-INCLUSION');
      }

      // The observer chooses to share: the group reads the grid and the notes by stage.
      await oda.page.getByTestId('visibility-observerFeedback').selectOption('group');
      await oda.page.getByTestId('share-stage-notes').click();
      const shared = dan.page.getByTestId('shared-observations');
      await expect.poll(() => shared.textContent()).toContain('GRILLE-ODA');
      await expect.poll(() => shared.textContent()).toContain('OBS-INCLUSION');
      const text = (await shared.textContent()) ?? '';
      expect(text).toMatch(/Bienveillance\s*:\s*Toujours/);
      expect(text).toMatch(/Respect du temps\s*:\s*Rarement/);
      expect(text).toMatch(/Retour du client précédent.*\d{2}:\d{2}.*OBS-RETOUR/);
    },
    TEST_TIMEOUT_MS,
  );
});
