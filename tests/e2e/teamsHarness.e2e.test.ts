import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import type { ServerProcess } from '../support/serverProcess.ts';
import {
  openInTeams,
  type StorageMode,
  startTeamsHarness,
  startTlsFront,
  TEAMS_TEST_MEETING,
  TEAMS_USERS,
  type TeamsBrowser,
  type TeamsHarness,
  teamsHarnessUnavailable,
} from '../support/teamsHost/index.ts';
import { startTeamsJsProbe, type TeamsJsProbe } from '../support/teamsHost/teamsJsProbe.ts';

// The harness's own check: the real teams-js in a cross-site, TLS-served frame talks to the
// simulated Teams page, with third-party storage allowed and blocked.

const unavailable = hasChromium() ? teamsHarnessUnavailable() : 'Chromium is not installed';
const UI_TIMEOUT_MS = 60_000;
const ARTIFACTS = join(import.meta.dirname, '../../test-results/screenshots');

/** The slice of the teams-js global the probe page exposes that these tests call. */
interface TeamsJsGlobal {
  app: {
    initialize(): Promise<void>;
    getContext(): Promise<{
      app: { locale: string; theme: string; host: { name: string; clientType: string } };
      page: { frameContext: string };
      meeting?: { id: string };
      chat?: { id: string };
      user?: { id: string; licenseType?: string; tenant?: { id: string } };
    }>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  };
  pages: {
    config: {
      setValidityState(valid: boolean): void;
      registerOnSaveHandler(
        handler: (event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void,
      ): void;
      setConfig(config: { contentUrl: string; entityId: string }): Promise<void>;
    };
  };
  authentication: { getAuthToken(): Promise<string> };
  meeting: Record<
    | 'getAppContentStageSharingCapabilities'
    | 'getAppContentStageSharingState'
    | 'stopSharingAppContentToStage'
    | 'getMeetingDetails',
    (callback: (error: unknown, result: unknown) => void) => void
  > & {
    shareAppContentToStage(callback: (error: unknown, result: unknown) => void, url: string): void;
  };
}
type ProbeWindow = Window & { microsoftTeams: TeamsJsGlobal; themes?: string[] };

describe.skipIf(unavailable !== null)(
  `Teams harness${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let harness: TeamsHarness;
    let server: ServerProcess;

    beforeAll(async () => {
      assertPanelBuilt();
      mkdirSync(ARTIFACTS, { recursive: true });
      harness = await startTeamsHarness();
      server = await harness.startCercle();
    });

    afterAll(async () => {
      await server?.dispose();
      await harness?.close();
    });

    describe.each<StorageMode>(['allowed', 'blocked'])('third-party storage %s', (storage) => {
      let browser: TeamsBrowser;

      beforeAll(async () => {
        browser = await harness.launchBrowser(storage);
      });

      afterAll(async () => {
        await browser?.close();
      });

      it(`the configuration page starts the real teams-js against the simulated Teams (${storage})`, async () => {
        const tab = await openInTeams(browser, {
          url: harness.cercleUrl('/teams/config'),
          frameContext: 'settings',
        });
        await tab.tab.getByTestId('teams-config').waitFor({ timeout: UI_TIMEOUT_MS });
        await tab.waitForCall('settings.setValidityState');

        const calls = await tab.calls();
        const funcs = calls.map((call) => call.func);
        expect(funcs[0]).toBe('initialize');
        // teams-js sends its own version and runtime API version, and a uuid with every request.
        expect(calls[0]?.args.slice(0, 2)).toEqual(['2.58.0', 4]);
        expect(calls[0]?.uuid).toMatch(/^[0-9a-f-]{36}$/);
        expect(calls[0]?.origin).toBe(harness.cercleOrigin);
        expect(funcs.indexOf('getContext')).toBeGreaterThan(0);
        expect(funcs.indexOf('settings.setValidityState')).toBeGreaterThan(
          funcs.indexOf('getContext'),
        );
        // An empty form is not valid yet: Teams keeps Save disabled.
        expect(calls.find((c) => c.func === 'settings.setValidityState')?.args).toEqual([false]);
        await expect(tab.save()).rejects.toThrow(/Save is disabled/);

        const probe = await tab.probeStorage();
        if (storage === 'allowed') {
          expect(probe).toEqual({
            localStorage: 'works',
            sessionStorage: 'works',
            cookie: 'works',
          });
          // Partitioned: what Cercle stores at top level is not what its frame in Teams sees.
          const top = await browser.context.newPage();
          await top.goto(harness.cercleUrl('/healthz'));
          await top.evaluate(() => localStorage.setItem('harness-partition', 'top-level'));
          expect(
            await tab.frame().evaluate(() => localStorage.getItem('harness-partition')),
          ).toBeNull();
          await top.close();
        } else {
          expect(probe).toEqual({
            localStorage: 'SecurityError',
            sessionStorage: 'SecurityError',
            cookie: 'refused',
          });
        }

        // The front relays WebSocket upgrades, and the server accepts the tab's origin.
        const socket = await tab.frame().evaluate(
          (url) =>
            new Promise<string>((resolve) => {
              const ws = new WebSocket(url);
              ws.onopen = () => {
                ws.close();
                resolve('open');
              };
              ws.onerror = () => resolve('error');
            }),
          `${harness.cercleOrigin.replace('https:', 'wss:')}/ws`,
        );
        expect(socket).toBe('open');

        const shot = join(ARTIFACTS, `teams-harness-config-${storage}.png`);
        await tab.screenshot(shot);
        expect(existsSync(shot)).toBe(true);

        // Reported, not asserted: the panel's CSP is its authors' to keep clean.
        const violations = await tab.cspViolations();
        if (violations.length > 0)
          console.info(`[${storage}] CSP violations in the configuration page:`, violations);
        await tab.close();
      });
    });

    describe('the simulator, driven through teams-js alone (a probe page)', () => {
      let browser: TeamsBrowser;
      let probe: TeamsJsProbe;

      beforeAll(async () => {
        probe = await startTeamsJsProbe(harness.certificate);
        browser = await harness.launchBrowser('allowed');
      });

      afterAll(async () => {
        await browser?.close();
        await probe?.close();
      });

      it('answers initialize, getContext, theme, settings save and getAuthToken', async () => {
        const tab = await openInTeams(browser, {
          url: probe.url,
          frameContext: 'settings',
          user: TEAMS_USERS.anonymous,
          theme: 'default',
          locale: 'en-GB',
          authToken: 'header.payload.signature',
        });
        const frame = tab.frame();
        const context = await frame.evaluate(async () => {
          const teams = (window as unknown as ProbeWindow).microsoftTeams;
          await teams.app.initialize();
          return teams.app.getContext();
        });
        expect(context.page.frameContext).toBe('settings');
        expect(context.app.locale).toBe('en-GB');
        expect(context.app.theme).toBe('default');
        expect(context.app.host).toMatchObject({ name: 'Teams', clientType: 'web' });
        expect(context.meeting?.id).toBe(TEAMS_TEST_MEETING.id);
        expect(context.chat?.id).toBe(TEAMS_TEST_MEETING.chatId);
        // Anonymous guests: no object id, no tenant, licence type Anonymous.
        expect(context.user).toMatchObject({ id: '', licenseType: 'Anonymous' });
        expect(context.user?.tenant).toBeUndefined();

        await frame.evaluate(() => {
          const w = window as unknown as ProbeWindow;
          w.themes = [];
          w.microsoftTeams.app.registerOnThemeChangeHandler((theme) => w.themes?.push(theme));
        });
        await tab.setTheme('dark');
        await expect
          .poll(() => frame.evaluate(() => (window as unknown as ProbeWindow).themes))
          .toEqual(['dark']);

        // Save: refused until valid, then the app's handler sets the config and succeeds.
        await expect(tab.save()).rejects.toThrow(/Save is disabled/);
        const contentUrl = `${new URL(probe.url).origin}/probe?view=panel`;
        await frame.evaluate((url) => {
          const { pages } = (window as unknown as ProbeWindow).microsoftTeams;
          pages.config.registerOnSaveHandler((event) => {
            pages.config
              .setConfig({ contentUrl: url, entityId: 'session-1' })
              .then(() => event.notifySuccess())
              .catch((error: Error) => event.notifyFailure(error.message));
          });
          pages.config.setValidityState(true);
        }, contentUrl);
        await tab.waitForCall('settings.setValidityState', {
          where: (call) => call.args[0] === true,
        });
        expect(await tab.save()).toEqual({
          config: { contentUrl, entityId: 'session-1' },
          outcome: 'success',
        });

        // A content URL outside validDomains: Teams refuses setConfig, the page reports failure.
        await frame.evaluate(() => {
          const { pages } = (window as unknown as ProbeWindow).microsoftTeams;
          pages.config.registerOnSaveHandler((event) => {
            pages.config
              .setConfig({ contentUrl: 'https://elsewhere.example/tab', entityId: 'x' })
              .then(() => event.notifySuccess())
              .catch((error: Error) => event.notifyFailure(error.message));
          });
        });
        expect(await tab.save()).toMatchObject({
          outcome: 'failure',
          reason: expect.stringContaining('validDomains'),
        });

        const getToken = () =>
          frame.evaluate(() =>
            (window as unknown as ProbeWindow).microsoftTeams.authentication
              .getAuthToken()
              .then((token) => ({ token }))
              .catch((error: Error) => ({ failure: error.message })),
          );
        expect(await getToken()).toEqual({ token: 'header.payload.signature' });
        await tab.setAuthToken({ failure: 'resourceDisabled' });
        expect(await getToken()).toEqual({ failure: 'resourceDisabled' });

        // Anything else gets a not-supported error instead of silence.
        const details = await frame.evaluate(
          () =>
            new Promise((resolve) =>
              (window as unknown as ProbeWindow).microsoftTeams.meeting.getMeetingDetails(
                (error, result) => resolve({ error, result }),
              ),
            ),
        );
        expect(details).toMatchObject({ error: { errorCode: 100 } });

        const funcs = (await tab.calls()).map((call) => call.func);
        expect(funcs).toEqual([
          'initialize',
          'getContext',
          'registerHandler',
          'registerHandler',
          'settings.setValidityState',
          'settings.setSettings',
          'settings.save.success',
          'registerHandler',
          'settings.setSettings',
          'settings.save.failure',
          'authentication.getAuthToken',
          'authentication.getAuthToken',
          'meeting.getMeetingDetails',
        ]);
        await tab.close();
      });

      it('answers the stage-sharing calls as configured, and reports CSP violations', async () => {
        const tab = await openInTeams(browser, {
          url: `${probe.url}?view=panel`,
          frameContext: 'sidePanel',
        });
        const frame = tab.frame();
        const callMeeting = (name: string, url?: string) =>
          frame.evaluate(
            ({ name, url }) =>
              new Promise((resolve) => {
                const { meeting } = (window as unknown as ProbeWindow).microsoftTeams;
                const callback = (error: unknown, result: unknown) => resolve({ error, result });
                if (name === 'shareAppContentToStage')
                  meeting.shareAppContentToStage(callback, url ?? '');
                else meeting[name as 'getAppContentStageSharingState'](callback);
              }),
            { name, url },
          );
        await frame.evaluate(() =>
          (window as unknown as ProbeWindow).microsoftTeams.app.initialize(),
        );
        const stageUrl = `${new URL(probe.url).origin}/probe?view=stage`;

        expect(await callMeeting('getAppContentStageSharingCapabilities')).toEqual({
          error: null,
          result: { doesAppHaveSharePermission: false },
        });
        expect(await callMeeting('shareAppContentToStage', stageUrl)).toMatchObject({
          error: { errorCode: 1000 },
        });
        expect(await tab.sharedUrl()).toBeNull();

        await tab.setCanShareToStage(true);
        expect(await callMeeting('shareAppContentToStage', stageUrl)).toEqual({
          error: null,
          result: true,
        });
        expect(await tab.sharedUrl()).toBe(stageUrl);
        expect(await callMeeting('getAppContentStageSharingState')).toEqual({
          error: null,
          result: { isAppSharing: true },
        });
        expect(await callMeeting('stopSharingAppContentToStage')).toEqual({
          error: null,
          result: true,
        });
        expect(await callMeeting('getAppContentStageSharingState')).toEqual({
          error: null,
          result: { isAppSharing: false },
        });
        const share = (await tab.calls()).find((c) => c.func === 'meeting.shareAppContentToStage');
        expect(share?.args).toEqual([stageUrl, { sharingProtocol: 'Collaborative' }]);

        // The probe's CSP allows no connection but its own: a fetch elsewhere is reported.
        await frame.evaluate(() => fetch('https://blocked.example/x').catch(() => null));
        await expect
          .poll(async () => (await tab.cspViolations()).map((v) => v.blockedURI))
          .toContain('https://blocked.example/x');
        await tab.close();
      });

      it('says so when the tab does not load', async () => {
        const deadFront = await startTlsFront(harness.certificate);
        try {
          await expect(
            openInTeams(browser, {
              url: `https://cercle.example.org:${deadFront.port}/teams/config`,
              frameContext: 'settings',
            }),
          ).rejects.toThrow(/did not load in the Teams frame/);
        } finally {
          await deadFront.close();
        }
      });
    });
  },
);
