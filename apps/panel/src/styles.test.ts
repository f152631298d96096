import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8');

/** The custom properties a rule sets, read from the first rule with exactly this selector. */
function propertiesOf(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector}`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => [m[1], m[2]]),
  );
}

/** WCAG 2 relative luminance of an #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const LIGHT = propertiesOf(':root');
const THEMES = {
  light: LIGHT,
  dark: { ...LIGHT, ...propertiesOf(':root[data-theme="dark"]') },
  contrast: { ...LIGHT, ...propertiesOf(':root[data-theme="contrast"]') },
};

const TEXT_COLOURS = [
  'text',
  'muted',
  'accent',
  'warning',
  'danger',
  'ok',
  'role-facilitator',
  'role-client',
  'role-consultant',
  'role-observer',
];
/** Every text colour on the page and card backgrounds, then text on the coloured fills. */
const PAIRS: readonly (readonly [string, string])[] = [
  ...TEXT_COLOURS.flatMap((fg) => [[fg, 'bg'] as const, [fg, 'surface'] as const]),
  ['accent-text', 'accent'],
  ['danger-text', 'danger'],
  ['ok-text', 'ok'],
  ['text', 'warning-bg'],
  ['muted', 'warning-bg'],
  ['warning', 'warning-bg'],
  ['text', 'danger-bg'],
  ['danger', 'danger-bg'],
];

describe('theme contrast (WCAG AA: 4.5:1 for text)', () => {
  for (const [theme, colours] of Object.entries(THEMES))
    it(`every text/background pair of the ${theme} theme reads at 4.5:1 or more`, () => {
      const failing = PAIRS.map(([fg, bg]) => {
        const [a, b] = [colours[fg], colours[bg]];
        if (!a || !b) return `${fg} on ${bg}: undefined`;
        const ratio = contrastRatio(a, b);
        return ratio < 4.5 ? `${fg} ${a} on ${bg} ${b}: ${ratio.toFixed(2)}` : null;
      }).filter((failure) => failure !== null);
      expect(failing).toEqual([]);
    });

  it('computes the ratios WCAG gives', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#848a91', '#ffffff')).toBeCloseTo(3.485, 2);
  });

  it('text colours come from the theme, and no rule fades text (disabled controls aside)', () => {
    expect(css.match(/(?<!-)color:\s*#/g) ?? []).toEqual([]);
    const faded = [...css.matchAll(/([^{}]+)\{[^}]*opacity:\s*0?\.\d/g)].map((m) => m[1]?.trim());
    expect(faded).toEqual(['button:disabled']);
  });
});
