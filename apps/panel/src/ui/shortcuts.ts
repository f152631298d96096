/**
 * The facilitator's keyboard shortcuts. Alt+Shift with a key keeps clear of screen readers' single
 * keys (WCAG 2.1.4) and of typing; keys are matched by physical position (`code`), so they work
 * with AZERTY and QWERTY alike (N, P, U and S sit in the same place) and with Option on a Mac.
 */
export const SHORTCUTS = {
  next: { code: 'KeyN', key: 'N' },
  previous: { code: 'KeyP', key: 'P' },
  undo: { code: 'KeyU', key: 'U' },
  timer: { code: 'KeyS', key: 'S' },
  plusMinute: { code: 'ArrowUp', key: 'ArrowUp' },
  minusMinute: { code: 'ArrowDown', key: 'ArrowDown' },
} as const;

export type ShortcutAction = keyof typeof SHORTCUTS;

export interface KeyPress {
  readonly code: string;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly repeat?: boolean;
  readonly isComposing?: boolean;
  readonly target: EventTarget | null;
}

// Inputs where a key press is not text: a shortcut may fire from them.
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** True where keys type text or pick a value: shortcuts must stay out of the way there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !NON_TEXT_INPUTS.has((element as HTMLInputElement).type);
  return element.isContentEditable || element.getAttribute('contenteditable') === 'true';
}

/** The action a key press asks for, or null: held keys never repeat a stage change. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (!press.altKey || !press.shiftKey || press.ctrlKey || press.metaKey) return null;
  if (press.repeat || press.isComposing || isTypingTarget(press.target)) return null;
  for (const action of Object.keys(SHORTCUTS) as ShortcutAction[])
    if (SHORTCUTS[action].code === press.code) return action;
  return null;
}

/** The value of `aria-keyshortcuts`, in the ARIA syntax. */
export function ariaShortcut(action: ShortcutAction): string {
  return `Alt+Shift+${SHORTCUTS[action].key}`;
}

/** How a shortcut reads on screen; `shift` is the key's name in the person's language. */
export function shortcutLabel(action: ShortcutAction, shift: string): string {
  const key = SHORTCUTS[action].key;
  return `Alt+${shift}+${key === 'ArrowUp' ? '↑' : key === 'ArrowDown' ? '↓' : key}`;
}
