import { describe, expect, it } from 'vitest';
import { systemTheme } from './theme.ts';

const system =
  (...matching: string[]) =>
  (query: string) =>
    matching.includes(query);

describe('systemTheme', () => {
  it('follows the light or dark preference', () => {
    expect(systemTheme(system())).toBe('light');
    expect(systemTheme(system('(prefers-color-scheme: dark)'))).toBe('dark');
  });

  it('gives high contrast to whoever asks for more contrast or forces colours, dark or not', () => {
    expect(systemTheme(system('(prefers-contrast: more)'))).toBe('contrast');
    expect(systemTheme(system('(forced-colors: active)', '(prefers-color-scheme: dark)'))).toBe(
      'contrast',
    );
  });
});
