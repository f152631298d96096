import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';

const ARTIFACTS = join(import.meta.dirname, '../../test-results/screenshots');

describe.skipIf(!hasChromium())(
  'the whole Codev method, five people, two sessions of a group',
  () => {
    let server: ServerProcess;
    let browser: Browser;
    const frames = new Map<string, string[]>();

    async function open(name: string): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: 400, height: 900 },
        locale: 'fr-FR',
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const received: string[] = [];
      frames.set(name, received);
      page.on('websocket', (socket) =>
        socket.on('framereceived', (frame) => received.push(String(frame.payload))),
      );
      return page;
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

    it('walks the 11 steps, then the next session shows the previous client’s plan', async () => {
      const awa = await open('facilitator');
      await awa.goto(server.url);
      await awa.getByTestId('group-name').fill('Cercle des cadres de santé');
      await awa.getByTestId('facilitator-name').fill('Awa');
      await awa.getByRole('button', { name: 'Créer la séance' }).click();
      const link = await awa.getByTestId('participant-link').inputValue();
      await awa.getByRole('button', { name: 'Ouvrir le panneau' }).click();
      await awa.getByTestId('stage-title').waitFor();

      const enter = async (name: string) => {
        const page = await open(name);
        await page.goto(link);
        await page.getByTestId('display-name').fill(name);
        await page.getByRole('button', { name: 'Rejoindre' }).click();
        await page.getByTestId('stage-title').waitFor();
        return page;
      };
      const chloe = await enter('Chloé');
      const dan = await enter('Dan');
      const eve = await enter('Eve');
      const oda = await enter('Oda');
      const everyone = [awa, chloe, dan, eve, oda];
      await awa.getByLabel('Rôle de Oda').selectOption('observer');
      await oda.locator('[data-testid="my-role"][data-role="observer"]').waitFor();

      const nextStage = async (title: string) => {
        await awa.getByRole('button', { name: /Étape suivante/ }).click();
        for (const page of everyone)
          await page.getByTestId('stage-title').filter({ hasText: title }).waitFor();
      };

      // 1. Inclusion: the facilitator launches the card game, everyone picks, everyone sees.
      await awa.getByRole('button', { name: 'Démarrer la séance' }).click();
      await awa.getByTestId('launch-inclusion').click();
      const cards = ['sun', 'rocket', 'compass', 'tea', 'puzzle'];
      for (const [i, page] of everyone.entries())
        await page.getByTestId(`card-${cards[i]}`).click();
      for (const page of everyone)
        await expect.poll(() => page.getByTestId('picks').locator('li').count()).toBe(5);

      // 2. Debrief: a group's first session has no previous plan to follow up.
      await nextStage('Retour du client précédent');
      await expect
        .poll(() => dan.getByTestId('previous-plan').textContent())
        .toContain('Pas de séance précédente');

      // 3. Choice of subject: two cases (3 P), a vote, the facilitator's choice names the client.
      await nextStage('Choix du sujet');
      await chloe.getByTestId('case-title').fill('Un agent en retrait depuis la réorganisation');
      await chloe
        .getByTestId('case-summary')
        .fill('Depuis trois mois il ne vient plus aux réunions.');
      await chloe.getByTestId('case-submit').click();
      await dan.getByLabel('Projet').check();
      await dan.getByTestId('case-title').fill('Fusion de deux services');
      await dan.getByTestId('case-submit').click();
      await expect.poll(() => eve.getByTestId('case').count()).toBe(2);
      await expect
        .poll(() => eve.getByTestId('case').first().textContent())
        .toContain('n’a pas encore été client');
      await eve.getByTestId('case').first().getByRole('button', { name: 'Voter' }).click();
      await expect.poll(() => awa.getByTestId('case-votes').first().textContent()).toBe('1 voix');
      await awa.getByTestId('case').first().getByTestId('choose-case').click();
      await chloe.locator('[data-testid="my-role"][data-role="client"]').waitFor();

      // 4–5. Exposé and clarification: raised hands wait in order for the facilitator.
      await nextStage('Exposé');
      await nextStage('Clarification');
      await dan.getByTestId('raise-hand').click();
      await eve.getByTestId('raise-hand').click();
      await expect.poll(() => awa.getByTestId('hands').textContent()).toMatch(/Dan.*Eve/);
      await awa
        .getByTestId('hands')
        .getByRole('button', { name: 'Donner la parole' })
        .first()
        .click();
      await expect.poll(() => eve.getByTestId('speaker').textContent()).toContain('Dan');

      // 6. Contract: the client's request and kinds of help.
      await nextStage('Contrat');
      await chloe.getByTestId('contract-request').fill('Deux pistes pour renouer le dialogue');
      await chloe.getByTestId('help-ideas').check();
      await chloe.getByTestId('help-experiences').check();
      await chloe.getByTestId('contract-save').click();
      await expect
        .poll(() => dan.getByTestId('contract-text').textContent())
        .toContain('renouer le dialogue');

      // 7. Consultation: suggestions to the client's board, sorted by the client, who does not reply.
      await nextStage('Consultation');
      await expect
        .poll(() => eve.getByTestId('contract-text').textContent())
        .toContain('renouer le dialogue');
      await dan
        .getByTestId('suggestion-text')
        .fill('Proposer un entretien informel hors du bureau');
      await dan.getByTestId('suggestion-post').click();
      await eve.getByTestId('suggestion-text').fill('POUR-CHLOE-SEULE : j’ai vécu la même chose');
      await eve.getByLabel('Visible par').last().selectOption('client');
      await eve.getByTestId('suggestion-post').click();
      await expect.poll(() => chloe.getByTestId('suggestion').count()).toBe(2);
      expect(await chloe.getByTestId('reminder').textContent()).toContain('sans débattre');
      const kept = chloe.getByTestId('suggestion').first().getByTestId('sort-keep');
      await kept.click();
      await expect.poll(() => kept.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => awa.getByTestId('suggestion').count()).toBe(1);
      // The sort is the client's own until they share it at the synthesis [R73].
      expect(await dan.getByTestId('suggestion').first().textContent()).not.toContain('Je garde');

      // 8–9. Break, then synthesis: the client's action plan; consultants' learnings.
      await nextStage('Pause');
      await nextStage('Synthèse');
      await chloe
        .getByTestId('plan-actions')
        .fill('Rencontrer l’agent en tête à tête\nFaire un point à un mois');
      await chloe.getByTestId('plan-first-step').fill('Lui proposer un café lundi');
      await chloe.getByTestId('plan-by-when').fill('2027-01-15');
      await chloe.getByTestId('plan-save').click();
      await expect
        .poll(() => dan.getByTestId('plan').textContent())
        .toContain('Rencontrer l’agent');
      await eve
        .getByTestId('learnings-content')
        .fill('EVE-PRIVEE : je projette mes propres agents');
      await eve.getByTestId('learnings-save').click();

      // 10. Learnings and evaluation: weather and rating, the observer's grid and shared notes.
      await nextStage('Apprentissages');
      await dan
        .getByTestId('learnings-content')
        .fill('Poser des questions ouvertes avant de conseiller');
      await dan.getByTestId('learnings-save').click();
      await dan.getByTestId('visibility-learnings').selectOption('group');
      await expect
        .poll(() => chloe.getByTestId('shared-learnings').textContent())
        .toContain('questions ouvertes');
      for (const [i, page] of everyone.entries()) {
        await page.getByTestId(`weather-${i % 2 ? 'sunny' : 'cloudy'}`).check();
        await page.getByTestId(`rating-${3 + (i % 3)}`).check();
        await page.getByTestId('evaluation-save').click();
      }
      await expect.poll(() => awa.getByTestId('tally').textContent()).toContain('5 évaluations');
      await oda.getByTestId('notes').fill('Le groupe a laissé la cliente finir ses phrases.');
      await oda.getByTestId('notes-state').filter({ hasText: 'Enregistré' }).waitFor();
      await oda.getByTestId('grid-listening-4').check();
      await oda.getByTestId('grid-save').click();
      await oda.getByTestId('share-notes').click();
      await expect
        .poll(() => dan.getByTestId('shared-observations').textContent())
        .toContain('finir ses phrases');

      // 11. Conclusion: the client keeps her summary, with only what she may read.
      await nextStage('Conclusion');
      const downloading = chloe.waitForEvent('download');
      await chloe.getByTestId('export-md').click();
      const summary = readFileSync((await (await downloading).path()) as string, 'utf8');
      for (const text of [
        'Rencontrer l’agent en tête à tête',
        'POUR-CHLOE-SEULE',
        'questions ouvertes',
        'renouer le dialogue',
      ])
        expect(summary).toContain(text);
      expect(summary).not.toContain('EVE-PRIVEE');
      for (const name of ['facilitator', 'Dan', 'Oda'])
        expect(frames.get(name)?.join('\n'), name).not.toContain('EVE-PRIVEE');
      expect(frames.get('facilitator')?.join('\n')).not.toContain('POUR-CHLOE-SEULE');
      for (const page of everyone)
        await page.screenshot({
          path: join(ARTIFACTS, `method-${everyone.indexOf(page)}.png`),
          fullPage: true,
        });

      // The next session of the group: the facilitator opens it, the previous client follows.
      await awa.getByTestId('next-date').fill('2027-01-12');
      await awa.getByTestId('cycle-sessions').fill('6');
      await awa.getByTestId('open-next').click();
      await awa.getByRole('button', { name: 'Démarrer la séance' }).waitFor();
      await chloe.getByTestId('join-next').click();
      await chloe.getByTestId('stage-title').filter({ hasText: 'Inclusion' }).waitFor();
      await awa.getByRole('button', { name: 'Démarrer la séance' }).click();
      await awa.getByRole('button', { name: /Étape suivante/ }).click();
      await chloe
        .getByTestId('stage-title')
        .filter({ hasText: 'Retour du client précédent' })
        .waitFor();
      await expect
        .poll(() => chloe.getByTestId('previous-actions').textContent())
        .toContain('Rencontrer l’agent en tête à tête');
      await expect
        .poll(() => awa.getByTestId('previous-actions').textContent())
        .toContain('Faire un point à un mois');
      await chloe.getByTestId('debrief-tried').fill('Un café, puis un entretien');
      await chloe.getByTestId('debrief-save').click();
      await expect
        .poll(() => awa.getByTestId('debrief').textContent())
        .toContain('Un café, puis un entretien');
      await chloe.screenshot({
        path: join(ARTIFACTS, 'method-next-session-client.png'),
        fullPage: true,
      });

      // The cycle page: both sessions, the client, the case, the plan and its follow-up.
      const firstSessionId = new URL(link).pathname.split('/').pop() ?? '';
      const nextSessionId = new URL(awa.url()).pathname.split('/').pop() ?? '';
      await awa.goto(`${server.url}/g/${firstSessionId}?from=${nextSessionId}`);
      await expect.poll(() => awa.getByTestId('cycle-session').count()).toBe(2);
      const cycle = (await awa.getByTestId('cycle').textContent()) ?? '';
      for (const text of [
        'Séance 1 sur 6',
        'Séance 2 sur 6',
        'prévue le 12 janvier 2027',
        'Chloé',
        'Un agent en retrait',
        'Rencontrer l’agent en tête à tête',
        'Un café, puis un entretien',
        'questions ouvertes',
      ])
        expect(cycle, `${text} in ${cycle}`).toContain(text);
      expect(cycle).not.toContain('EVE-PRIVEE');
      await awa.screenshot({ path: join(ARTIFACTS, 'method-cycle.png'), fullPage: true });
    });
  },
);
