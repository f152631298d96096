import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { CONDITION_TIMEOUT_MS } from './patience.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Chromium, whose every context waits for a locator, an action or a navigation as long as a loaded
 * machine may need (Playwright's own default is 30 s); a wait still ends as soon as it can.
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(CONDITION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(CONDITION_TIMEOUT_MS);
    return context;
  };
  return browser;
}
