import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
// The panel's CSP forbids inline scripts, so `addScriptTag` is refused; evaluating the source
// through the DevTools protocol keeps the page's real CSP in force while axe runs.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type ThemeName = 'light' | 'dark' | 'contrast';
export const THEMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/** Runs axe-core on the page as it stands; keeps what blocks people: serious and critical. */
export async function seriousViolations(page: Page | Frame): Promise<AxeFinding[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document)) as {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[] }>;
      }>;
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeFindings(where: string, findings: readonly AxeFinding[]): string {
  return findings
    .map((f) => `${where}: ${f.id} (${f.impact}) ${f.help} → ${f.targets.join(' | ')}`)
    .join('\n');
}

/** The system preference a browser reports for each theme the panel follows. */
export async function emulateTheme(page: Page, theme: ThemeName): Promise<void> {
  await page.emulateMedia({
    colorScheme: theme === 'light' ? 'light' : 'dark',
    contrast: theme === 'contrast' ? 'more' : 'no-preference',
  });
}

export async function waitForTheme(page: Page | Frame, theme: ThemeName): Promise<void> {
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

/** Content wider than the window means scrolling sideways to read: reflow failed (WCAG 1.4.10). */
export async function horizontalOverflow(page: Page | Frame): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
