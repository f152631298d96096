import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import {
  createTeamsTestKeys,
  makeTeamsClaims,
  type TeamsTestKeys,
} from '@cercle/host-auth/testing';
import type { FrameLocator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFindings,
  horizontalOverflow,
  seriousViolations,
  THEMES,
  waitForTheme,
} from '../support/a11y.ts';
import { hasChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import type { ServerProcess } from '../support/serverProcess.ts';
import {
  openInTeams,
  type StorageMode,
  startTeamsHarness,
  TEAMS_TEST_APP_ID,
  TEAMS_TEST_MEETING,
  TEAMS_USERS,
  type TeamsBrowser,
  type TeamsHarness,
  type TeamsTab,
  type TeamsTabOptions,
  type TeamsUser,
  teamsHarnessUnavailable,
} from '../support/teamsHost/index.ts';

/**
 * Cercle as Teams runs it: the built panel over TLS at cercle.example.org, framed cross-site by a
 * page on teams.microsoft.com whose host simulator answers the real teams-js, in a browser that
 * allows third-party storage (partitioned) and in one that refuses it. Teams SSO is on, against a
 * local identity provider; people without a token (anonymous guests, failed SSO) join by name.
 */
const ARTIFACTS = join(import.meta.dirname, '../../test-results/screenshots/teams');
const CLIENT_ID = '0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';
const OTHER_MEETING = {
  id: 'MCMxOTptZWV0aW5nX290aGVyQHRocmVhZC52MiMw',
  chatId: '19:meeting_other@thread.v2',
};
/** A stage change reaches the meeting stage within this long, on a busy machine too. */
const STAGE_FOLLOWS_MS = 2000;

const unavailable = hasChromium() ? teamsHarnessUnavailable() : 'Chromium is not installed';
if (unavailable) console.warn(`Teams tab tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)(
  'Cercle in a Teams meeting (real teams-js, cross-site, TLS)',
  () => {
    let harness: TeamsHarness;
    let server: ServerProcess;
    let keys: TeamsTestKeys;
    let identityProvider: Server;

    beforeAll(async () => {
      assertPanelBuilt();
      mkdirSync(ARTIFACTS, { recursive: true });
      keys = await createTeamsTestKeys();
      identityProvider = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(keys.jwks));
      });
      await new Promise<void>((resolve) => identityProvider.listen(0, '127.0.0.1', resolve));
      const address = identityProvider.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      harness = await startTeamsHarness();
      server = await harness.startCercle({
        env: {
          TEAMS_CLIENT_ID: CLIENT_ID,
          TEAMS_APP_ID: TEAMS_TEST_APP_ID,
          TEAMS_JWKS_URL: `http://127.0.0.1:${port}/keys`,
          CREATIONS_PER_MINUTE: '1000',
        },
      });
    });

    afterAll(async () => {
      await server?.dispose();
      await harness?.close();
      await new Promise((resolve) => identityProvider?.close(resolve));
    });

    /** An SSO token for a simulated Teams user, as Entra would sign it for Cercle. */
    async function ssoToken(user: TeamsUser): Promise<string> {
      return keys.sign(
        makeTeamsClaims({
          clientId: CLIENT_ID,
          host: new URL(harness.cercleOrigin).host,
          now: Date.now(),
          tid: user.tenantId,
          oid: user.objectId,
          name: user.displayName,
        }),
      );
    }

    /** Presses Teams' Save once the page has said it is valid, as a person would wait to. */
    async function saveWhenValid(tab: TeamsTab) {
      await expect
        .poll(
          async () =>
            (await tab.calls()).filter((call) => call.func === 'settings.setValidityState').at(-1)
              ?.args[0],
          { timeout: 15_000 },
        )
        .toBe(true);
      return tab.save();
    }

    describe.each(['allowed', 'blocked'] as const satisfies readonly StorageMode[])(
      'third-party storage %s',
      (storage) => {
        const tabs: TeamsTab[] = [];
        const browsers = new Map<string, TeamsBrowser>();

        afterEach(async () => {
          // No CSP violation in any frame of any tab, whatever the test did.
          for (const tab of tabs.splice(0)) {
            expect(await tab.cspViolations()).toEqual([]);
            await tab.close();
          }
          for (const browser of browsers.values()) await browser.close();
          browsers.clear();
        });

        /** Each person on their own device: a browser profile of their own. */
        async function deviceOf(person: string): Promise<TeamsBrowser> {
          const known = browsers.get(person);
          if (known) return known;
          const browser = await harness.launchBrowser(storage, { locale: 'fr-FR' });
          browsers.set(person, browser);
          return browser;
        }

        async function open(person: string, options: TeamsTabOptions): Promise<TeamsTab> {
          const tab = await openInTeams(await deviceOf(person), options);
          tabs.push(tab);
          return tab;
        }

        async function shot(tab: TeamsTab, name: string): Promise<void> {
          await tab.screenshot(join(ARTIFACTS, `${name}-${storage}.png`));
        }

        /** The organiser adds Cercle to the meeting: returns the tab's saved content URL. */
        async function configure(
          options: { group?: string; meeting?: TeamsTabOptions['meeting']; sso?: boolean } = {},
        ) {
          const config = await open('organiser', {
            url: harness.cercleUrl('/teams/config'),
            frameContext: 'settings',
            user: TEAMS_USERS.organiser,
            meeting: options.meeting ?? TEAMS_TEST_MEETING,
            authToken:
              options.sso === false
                ? { failure: 'resourceRequiresConsent' }
                : await ssoToken(TEAMS_USERS.organiser),
          });
          await config.tab.getByTestId('group-name').fill(options.group ?? 'Codev des cadres');
          await config.tab.getByTestId('facilitator-name').fill('Awa');
          await shot(config, 'config-320');
          const saved = await saveWhenValid(config);
          expect(saved.outcome).toBe('success');
          const contentUrl = saved.config?.contentUrl ?? '';
          expect(contentUrl).toMatch(/\/s\/[\w-]+\?host=teams#join=[\w-]+&stage=[\w-]+$/);
          await config.close();
          tabs.splice(tabs.indexOf(config), 1);
          return { contentUrl, sessionId: saved.config?.entityId ?? '' };
        }

        const role = (tab: FrameLocator, name: string) =>
          tab.locator(`[data-testid="my-role"][data-role="${name}"]`).waitFor({ timeout: 30_000 });

        async function rosterNames(tab: TeamsTab): Promise<string[]> {
          return tab.tab.getByTestId('roster-person').allInnerTexts();
        }

        it('configure → the organiser’s side panel is the facilitator’s', async () => {
          const { contentUrl } = await configure({
            meeting: { id: `m-fac-${storage}`, chatId: `19:meeting_fac_${storage}@thread.v2` },
          });
          const panel = await open('organiser', {
            url: contentUrl,
            frameContext: 'sidePanel',
            user: TEAMS_USERS.organiser,
            meeting: { id: `m-fac-${storage}`, chatId: `19:meeting_fac_${storage}@thread.v2` },
            authToken: await ssoToken(TEAMS_USERS.organiser),
          });
          await role(panel.tab, 'facilitator');
          expect(await panel.probeStorage()).toMatchObject({
            localStorage: storage === 'allowed' ? 'works' : 'SecurityError',
          });
          await panel.tab.getByRole('button', { name: 'Démarrer la séance' }).click();
          await panel.tab.getByTestId('stage-title').filter({ hasText: 'Inclusion' }).waitFor();
          await shot(panel, 'sidepanel-facilitator-320');
        });

        it('without SSO, the organiser is the facilitator where storage is allowed, and is told what to do where it is not', async () => {
          const meeting = {
            id: `m-nosso-${storage}`,
            chatId: `19:meeting_nosso_${storage}@thread.v2`,
          };
          const { contentUrl } = await configure({ meeting, sso: false });
          const panel = await open('organiser', {
            url: contentUrl,
            frameContext: 'sidePanel',
            user: TEAMS_USERS.organiser,
            meeting,
            authToken: { failure: 'resourceRequiresConsent' },
          });
          if (storage === 'allowed') {
            await role(panel.tab, 'facilitator');
          } else {
            // Never a blank page: the join form, saying why the name is asked and what a reload does.
            const notices = panel.tab.getByTestId('join-notice');
            await notices.first().waitFor();
            expect((await notices.allInnerTexts()).join('\n')).toMatch(/n’a pas pu confirmer/);
            expect((await notices.allInnerTexts()).join('\n')).toMatch(
              /interdit à Cercle de garder/,
            );
            // Their seat, made at configuration, is "Awa": a second one under that name is refused
            // with both ways out said (R80); another name lets them in.
            await panel.tab.getByTestId('display-name').fill('Awa');
            await panel.tab.getByRole('button', { name: 'Rejoindre' }).click();
            await panel.tab.getByText('« Awa » est déjà dans la séance').waitFor();
            await panel.tab.getByTestId('display-name').fill('Awa M.');
            await panel.tab.getByRole('button', { name: 'Rejoindre' }).click();
            await role(panel.tab, 'consultant');
          }
          await shot(panel, 'sidepanel-organiser-without-sso-320');
        });

        it('another attendee joins with their Teams identity', async () => {
          const meeting = {
            id: `m-join-${storage}`,
            chatId: `19:meeting_join_${storage}@thread.v2`,
          };
          const { contentUrl } = await configure({ meeting });
          const organiser = await open('organiser', {
            url: contentUrl,
            frameContext: 'sidePanel',
            user: TEAMS_USERS.organiser,
            meeting,
            authToken: await ssoToken(TEAMS_USERS.organiser),
          });
          await role(organiser.tab, 'facilitator');
          const attendee = await open('attendee', {
            url: contentUrl,
            frameContext: 'sidePanel',
            user: TEAMS_USERS.attendee,
            meeting,
            theme: 'dark',
            authToken: await ssoToken(TEAMS_USERS.attendee),
          });
          await role(attendee.tab, 'consultant');
          await expect
            .poll(() => rosterNames(organiser), { timeout: 15_000 })
            .toEqual(expect.arrayContaining([expect.stringContaining('Bo')]));
          expect(
            await attendee.frame().evaluate(() => document.documentElement.dataset.theme),
          ).toBe('dark');
          await shot(attendee, 'sidepanel-attendee-dark-320');
        });

        it('the meeting stage shows the stage and a running timer to anyone, seat or not, and follows', async () => {
          const meeting = {
            id: `m-stage-${storage}`,
            chatId: `19:meeting_stage_${storage}@thread.v2`,
          };
          const { contentUrl, sessionId } = await configure({ meeting });
          const organiser = await open('organiser', {
            url: contentUrl,
            frameContext: 'sidePanel',
            user: TEAMS_USERS.organiser,
            meeting,
            authToken: await ssoToken(TEAMS_USERS.organiser),
            canShareToStage: true,
          });
          await role(organiser.tab, 'facilitator');
          await organiser.tab.getByRole('button', { name: 'Démarrer la séance' }).click();
          await organiser.tab.getByRole('button', { name: 'Démarrer', exact: true }).click();
          // The documented way: Teams allows it, the panel shares a read-only stage URL, then can stop.
          await organiser.tab
            .getByRole('button', { name: 'Afficher sur l’écran partagé de la réunion' })
            .click();
          await organiser.tab.getByRole('button', { name: 'Arrêter le partage' }).waitFor();
          const shared = await organiser.sharedUrl();
          expect(shared).toMatch(
            new RegExp(`/s/${sessionId}\\?host=teams&view=stage#stage=[\\w-]+$`),
          );
          const seats = (await rosterNames(organiser)).length;

          // A fresh attendee with no seat and no token sees the stage, by each URL Teams may use.
          const stages: TeamsTab[] = [];
          for (const url of [shared ?? '', contentUrl]) {
            const stage = await open('anonymous', {
              url,
              frameContext: 'meetingStage',
              user: TEAMS_USERS.anonymous,
              meeting,
              size: { width: 1280, height: 720 },
            });
            await stage.tab.getByTestId('stage-view').waitFor({ timeout: 30_000 });
            await stage.tab.getByTestId('stage-title').filter({ hasText: 'Inclusion' }).waitFor();
            const first = await stage.tab.getByTestId('timer').textContent();
            await expect
              .poll(() => stage.tab.getByTestId('timer').textContent(), { timeout: 10_000 })
              .not.toBe(first);
            stages.push(stage);
          }
          await shot(stages[0]!, 'stage-1280');
          // The same stage in a narrow window (a phone, a side-by-side meeting layout).
          const narrow = await open('anonymous', {
            url: shared ?? '',
            frameContext: 'meetingStage',
            user: TEAMS_USERS.anonymous,
            meeting,
          });
          await narrow.tab.getByTestId('stage-title').filter({ hasText: 'Inclusion' }).waitFor();
          await shot(narrow, 'stage-320');
          // Nobody on the stage took a seat or sent anything: the roster is as it was.
          expect(await rosterNames(organiser)).toHaveLength(seats);
          for (const stage of stages)
            expect(
              (await stage.calls()).some((call) => call.func === 'authentication.getAuthToken'),
            ).toBe(false);

          const changedAt = Date.now();
          await organiser.tab.getByRole('button', { name: 'Étape suivante' }).click();
          for (const stage of stages)
            await stage.tab
              .getByTestId('stage-title')
              .filter({ hasText: 'Retour du client précédent' })
              .waitFor({ timeout: STAGE_FOLLOWS_MS + 3000 });
          // Measured on the page clocks' common reference: both stages followed within the budget.
          expect(Date.now() - changedAt).toBeLessThan(STAGE_FOLLOWS_MS + 3000);

          await organiser.tab.getByRole('button', { name: 'Arrêter le partage' }).click();
          await organiser.tab
            .getByRole('button', { name: 'Afficher sur l’écran partagé de la réunion' })
            .waitFor();
          await shot(organiser, 'sidepanel-sharing-320');
        });

        it('an anonymous guest joins by name and is told why', async () => {
          const meeting = {
            id: `m-guest-${storage}`,
            chatId: `19:meeting_guest_${storage}@thread.v2`,
          };
          const { contentUrl } = await configure({ meeting });
          const guest = await open('anonymous', {
            url: contentUrl,
            frameContext: 'sidePanel',
            user: TEAMS_USERS.anonymous,
            meeting,
          });
          const notice = guest.tab.getByTestId('join-notice').first();
          await notice.waitFor();
          expect(await notice.textContent()).toMatch(/invité/);
          await guest.tab.getByTestId('display-name').fill('Invitée Zoé');
          await guest.tab.getByRole('button', { name: 'Rejoindre' }).click();
          await role(guest.tab, 'consultant');
          // Teams gives anonymous guests no token: the panel never asked for one.
          expect(
            (await guest.calls()).some((call) => call.func === 'authentication.getAuthToken'),
          ).toBe(false);
          await shot(guest, 'sidepanel-guest-320');
        });

        it('an SSO identity from another meeting is refused', async () => {
          const meeting = { id: `m-own-${storage}`, chatId: `19:meeting_own_${storage}@thread.v2` };
          const { contentUrl } = await configure({ meeting });
          const organiser = await open('organiser', {
            url: contentUrl,
            frameContext: 'sidePanel',
            user: TEAMS_USERS.organiser,
            meeting,
            authToken: await ssoToken(TEAMS_USERS.organiser),
          });
          await role(organiser.tab, 'facilitator');
          const seats = (await rosterNames(organiser)).length;
          // The same tab URL, opened from another meeting, with a valid token.
          const stranger = await open('attendee', {
            url: contentUrl.split('#')[0] ?? contentUrl,
            frameContext: 'sidePanel',
            user: TEAMS_USERS.attendee,
            meeting: OTHER_MEETING,
            authToken: await ssoToken(TEAMS_USERS.attendee),
          });
          await stranger.tab.getByText('appartient à une autre réunion').waitFor();
          expect(await rosterNames(organiser)).toHaveLength(seats);
          await shot(stranger, 'sidepanel-other-meeting-320');
        });
      },
    );

    it('from a plain browser, the facilitator puts the session on a Teams meeting’s stage with the documented deep link', async () => {
      const response = await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          groupName: 'Codev depuis le navigateur',
          templateKey: 'remote-2h',
          facilitatorName: 'Awa',
        }),
      });
      const created = (await response.json()) as { facilitatorLink: string };
      const browser = await harness.launchBrowser('allowed');
      const viewer = await harness.launchBrowser('allowed');
      try {
        const page = await browser.context.newPage();
        await page.goto(created.facilitatorLink);
        await page.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
        const popup = page.waitForEvent('popup');
        await page.getByRole('button', { name: 'Partager dans une réunion Teams' }).click();
        const teams = await popup;
        await teams.waitForURL(/^https:\/\/teams\.microsoft\.com\/l\/meeting-share\?/);
        const link = new URL(teams.url());
        const appContext = JSON.parse(link.searchParams.get('appContext') ?? '{}') as {
          appSharingUrl?: string;
          appId?: string;
        };
        expect(appContext.appId).toBe(TEAMS_TEST_APP_ID);
        expect(appContext.appSharingUrl).toMatch(/\?host=teams&view=stage#stage=[\w-]+$/);
        await page.getByText('Teams s’ouvre dans un nouvel onglet').waitFor();

        // Teams opens that URL on the meeting stage, for everyone, seat or not.
        const stage = await openInTeams(viewer, {
          url: appContext.appSharingUrl ?? '',
          frameContext: 'meetingStage',
          user: TEAMS_USERS.anonymous,
          size: { width: 1280, height: 720 },
        });
        await stage.tab.getByTestId('stage-view').waitFor({ timeout: 30_000 });
        expect(await stage.cspViolations()).toEqual([]);
      } finally {
        await browser.close();
        await viewer.close();
      }
    });

    it('reconfiguring a tab keeps its session; a refused save says why to Teams and to the person', async () => {
      const browser = await harness.launchBrowser('allowed');
      const meeting = { id: 'm-reconfigure', chatId: '19:meeting_reconfigure@thread.v2' };
      try {
        const first = await openInTeams(browser, {
          url: harness.cercleUrl('/teams/config'),
          frameContext: 'settings',
          meeting,
        });
        await first.tab.getByTestId('group-name').fill('Codev à reconfigurer');
        await first.tab.getByTestId('facilitator-name').fill('Awa');
        const saved = await saveWhenValid(first);
        expect(saved.outcome).toBe('success');
        await first.close();

        // Teams opens the configuration page again with the tab's saved configuration.
        const again = await openInTeams(browser, {
          url: harness.cercleUrl('/teams/config'),
          frameContext: 'settings',
          meeting,
          ...(saved.config ? { savedConfig: saved.config } : {}),
        });
        await again.tab.getByTestId('teams-config-existing').waitFor();
        const kept = await saveWhenValid(again);
        expect(kept.outcome).toBe('success');
        expect(kept.config?.entityId).toBe(saved.config?.entityId);
        expect(kept.config?.contentUrl).toBe(saved.config?.contentUrl);
        await again.close();

        // A new tab for a meeting that already has its session, and Teams refusing setConfig.
        const duplicate = await openInTeams(browser, {
          url: harness.cercleUrl('/teams/config'),
          frameContext: 'settings',
          meeting,
        });
        await duplicate.tab.getByTestId('group-name').fill('Doublon');
        await duplicate.tab.getByTestId('facilitator-name').fill('Awa');
        const refused = await saveWhenValid(duplicate);
        expect(refused).toMatchObject({ outcome: 'failure', reason: 'alreadySetUp' });
        await duplicate.tab.getByTestId('teams-config-error').getByText('déjà installé').waitFor();
        await duplicate.close();

        const failing = await openInTeams(browser, {
          url: harness.cercleUrl('/teams/config'),
          frameContext: 'settings',
          meeting: { id: 'm-setconfig', chatId: '19:meeting_setconfig@thread.v2' },
          setConfigFailure: 'The content URL is not allowed',
        });
        await failing.tab.getByTestId('group-name').fill('Codev');
        await failing.tab.getByTestId('facilitator-name').fill('Awa');
        const failed = await saveWhenValid(failing);
        expect(failed.outcome).toBe('failure');
        expect(failed.reason).toMatch(/not allowed/);
        await failing.tab.getByTestId('teams-config-error').waitFor();
        // Saving again reuses the session just set up: not "already set up", the same tab.
        const second = await saveWhenValid(failing);
        expect(second).toMatchObject({ outcome: 'failure', reason: failed.reason });
        const tries = (await failing.calls()).filter(
          (call) => call.func === 'settings.setSettings',
        );
        expect(tries).toHaveLength(2);
        expect(JSON.stringify(tries[1]?.args)).toBe(JSON.stringify(tries[0]?.args));
        expect(await failing.cspViolations()).toEqual([]);
        await failing.close();
      } finally {
        await browser.close();
      }
    });

    it('the configuration page follows Teams’ language and theme, with no serious axe violation', async () => {
      const browser = await harness.launchBrowser('allowed');
      const problems: string[] = [];
      try {
        for (const [lang, locale] of [
          ['fr', 'fr-FR'],
          ['en', 'en-GB'],
        ] as const) {
          const tab = await openInTeams(browser, {
            url: harness.cercleUrl('/teams/config'),
            frameContext: 'settings',
            locale,
            meeting: { id: `m-a11y-${lang}`, chatId: `19:meeting_a11y_${lang}@thread.v2` },
          });
          await tab.tab.getByTestId('teams-config').waitFor();
          await tab.tab.locator(`html[lang="${lang}"]`).waitFor();
          for (const theme of THEMES) {
            await tab.setTheme(theme === 'light' ? 'default' : theme);
            const frame = tab.frame();
            await waitForTheme(frame, theme);
            const where = `teams-config ${lang} ${theme}`;
            const findings = await seriousViolations(frame);
            if (findings.length > 0) problems.push(describeFindings(where, findings));
            const overflow = await horizontalOverflow(frame);
            if (overflow > 0) problems.push(`${where}: ${overflow} px of sideways scrolling`);
            await tab.screenshot(join(ARTIFACTS, `config-320-${lang}-${theme}.png`));
          }
          expect(await tab.cspViolations()).toEqual([]);
          await tab.close();
        }
      } finally {
        await browser.close();
      }
      expect(problems.join('\n')).toBe('');
    });
  },
);
