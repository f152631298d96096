import { useEffect, useRef } from 'react';
import { type ShortcutAction, shortcutFor } from './shortcuts.ts';

/** Runs the handler for a shortcut pressed anywhere on the page, except while typing. */
export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  // The listener is added once; it reads the latest handlers, which change with every view.
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      const handler = action ? latest.current[action] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
