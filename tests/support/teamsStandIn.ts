import type { Page } from 'playwright-core';

export interface TeamsFrame {
  readonly frameContext: 'settings' | 'sidePanel' | 'meetingStage' | 'content';
  readonly theme?: 'default' | 'dark' | 'contrast';
  readonly locale?: string;
}

/**
 * Replaces the Teams library chunk with a stand-in that answers as Teams would for this frame and
 * records every call in `window.__teamsCalls`. Test-only.
 */
export async function actAsTeamsHost(page: Page, frame: TeamsFrame): Promise<void> {
  const standIn = `
    const calls = (window.__teamsCalls = window.__teamsCalls || []);
    const context = {
      app: { theme: ${JSON.stringify(frame.theme ?? 'default')}, locale: ${JSON.stringify(frame.locale ?? 'fr-FR')} },
      page: { frameContext: ${JSON.stringify(frame.frameContext)} },
      meeting: { id: 'meeting-1' },
      user: { id: 'user-hint' },
    };
    export const app = {
      async initialize() { calls.push(['initialize']); },
      async getContext() { return context; },
      registerOnThemeChangeHandler(handler) { window.__teamsTheme = handler; },
    };
    export const pages = {
      config: {
        setValidityState(valid) { calls.push(['setValidityState', valid]); },
        registerOnSaveHandler(handler) {
          window.__teamsSave = () => new Promise((resolve) => handler({
            notifySuccess() { calls.push(['notifySuccess']); resolve(window.__teamsConfig); },
            notifyFailure(reason) { calls.push(['notifyFailure', reason]); resolve(null); },
          }));
        },
        async setConfig(config) { calls.push(['setConfig', config]); window.__teamsConfig = config; },
      },
    };
    export const meeting = {
      shareAppContentToStage(callback, url) { calls.push(['shareAppContentToStage', url]); callback(null, true); },
    };
    export const authentication = {
      async getAuthToken() { throw new Error('SSO is not configured in this test'); },
    };`;
  await page.route('**/assets/teamsSdk-*.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: standIn }),
  );
}

export async function teamsCalls(page: Page): Promise<unknown[][]> {
  return page.evaluate(
    () => (window as unknown as { __teamsCalls?: unknown[][] }).__teamsCalls ?? [],
  );
}
