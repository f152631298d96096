import { useI18n } from '../i18n/i18n.tsx';
import { ariaShortcut, type ShortcutAction, shortcutLabel } from '../ui/shortcuts.ts';

/** A button's tooltip and `aria-keyshortcuts` for the shortcut that does the same thing. */
export function useShortcutHint(): (
  action: ShortcutAction,
  label: string,
) => { title: string; 'aria-keyshortcuts': string } {
  const { t } = useI18n();
  return (action, label) => ({
    title: `${label} (${shortcutLabel(action, t.shortcuts.shift)})`,
    'aria-keyshortcuts': ariaShortcut(action),
  });
}
