/** Follows the system's light or dark preference, where no host imposes its own theme. */
export function followSystemTheme(): void {
  const query = matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    document.documentElement.dataset.theme = query.matches ? 'dark' : 'light';
  };
  apply();
  query.addEventListener('change', apply);
}
