export type Theme = 'light' | 'dark' | 'contrast';

/** The OS preferences that decide the theme where no host imposes its own. */
const CONTRAST_QUERIES = ['(prefers-contrast: more)', '(forced-colors: active)'] as const;
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** High contrast wins over dark: someone who asked for more contrast needs it in either scheme. */
export function systemTheme(matches: (query: string) => boolean): Theme {
  if (CONTRAST_QUERIES.some(matches)) return 'contrast';
  return matches(DARK_QUERY) ? 'dark' : 'light';
}

export function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Follows the system's light, dark or high-contrast preference, live. */
export function followSystemTheme(): void {
  const queries = [DARK_QUERY, ...CONTRAST_QUERIES].map((query) => matchMedia(query));
  const apply = () => setTheme(systemTheme((query) => matchMedia(query).matches));
  apply();
  for (const query of queries) query.addEventListener('change', apply);
}
