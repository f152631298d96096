import type { Page } from 'playwright-core';

export interface FocusTarget {
  /** A CSS selector the focused element matches. */
  readonly selector?: string;
  /** Its visible text or accessible label, exactly. */
  readonly name?: string;
}

async function focusedMatches(page: Page, target: FocusTarget): Promise<boolean> {
  return page.evaluate(({ selector, name }) => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return false;
    if (selector && !element.matches(selector)) return false;
    if (name === undefined) return true;
    // The name a screen reader gives: the label, or the text without decorative parts.
    const visible = element.cloneNode(true) as HTMLElement;
    for (const hidden of Array.from(visible.querySelectorAll('[aria-hidden="true"]')))
      hidden.remove();
    const label = element.getAttribute('aria-label') ?? visible.textContent ?? '';
    return label.replace(/\s+/g, ' ').trim() === name;
  }, target);
}

/** Presses Tab until the target has focus, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, target: FocusTarget, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await focusedMatches(page, target)) return;
    await page.keyboard.press('Tab');
  }
  if (await focusedMatches(page, target)) return;
  throw new Error(`Tab never reached ${JSON.stringify(target)} in ${maxPresses} presses`);
}

export interface TabWalk {
  /** Controls a keyboard user can reach, in the page's reading order. */
  readonly expected: string[];
  /** The order Tab actually went through them. */
  readonly visited: string[];
}

/**
 * Walks the page with Tab from the top, once round, and lists what it met next to every operable
 * control in reading order, so a test can check both that all are reachable and the order.
 */
export async function walkWithTab(page: Page, maxPresses = 200): Promise<TabWalk> {
  const expected = await page.evaluate(() => {
    const candidates = Array.from(
      document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]',
      ),
    );
    const names: string[] = [];
    let index = 0;
    for (const element of candidates) {
      const isDisabled = (element as HTMLButtonElement).disabled === true;
      const isHidden = element.getClientRects().length === 0;
      // In a radio group only the chosen radio takes focus; arrows move within the group.
      const isOtherRadio =
        element instanceof HTMLInputElement && element.type === 'radio' && !element.checked;
      if (isDisabled || isHidden || isOtherRadio || element.tabIndex < 0) continue;
      const name = `${index}:${element.tagName.toLowerCase()}:${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}`;
      element.dataset.tabWalk = name;
      names.push(name);
      index += 1;
    }
    // Start from the top of the page: focus the root for a moment, as a fresh load would.
    const root = document.documentElement;
    root.tabIndex = -1;
    root.focus();
    root.removeAttribute('tabindex');
    return names;
  });
  const visited: string[] = [];
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.tabWalk ?? null,
    );
    if (name === null || visited.includes(name)) break;
    visited.push(name);
  }
  return { expected, visited };
}

/** Whether the focused element shows a focus ring a sighted keyboard user can see. */
export async function focusRing(page: Page): Promise<{ style: string; widthPx: number }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, widthPx: Number.parseFloat(style.outlineWidth) };
  });
}
