import { describe, expect, it } from 'vitest';
import { ariaShortcut, type KeyPress, shortcutFor, shortcutLabel } from './shortcuts.ts';

function press(code: string, target: EventTarget | null, extra: Partial<KeyPress> = {}): KeyPress {
  return {
    code,
    altKey: true,
    shiftKey: true,
    ctrlKey: false,
    metaKey: false,
    target,
    ...extra,
  };
}

function element(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.firstElementChild as HTMLElement;
}

describe('shortcutFor', () => {
  it('maps Alt+Shift with N, P, U, S and the arrows to the facilitator actions', () => {
    const body = document.body;
    expect(shortcutFor(press('KeyN', body))).toBe('next');
    expect(shortcutFor(press('KeyP', body))).toBe('previous');
    expect(shortcutFor(press('KeyU', body))).toBe('undo');
    expect(shortcutFor(press('KeyS', body))).toBe('timer');
    expect(shortcutFor(press('ArrowUp', body))).toBe('plusMinute');
    expect(shortcutFor(press('ArrowDown', body))).toBe('minusMinute');
    expect(shortcutFor(press('KeyQ', body))).toBe(null);
  });

  it('needs exactly Alt and Shift: plain letters are left to screen readers and typing', () => {
    const body = document.body;
    expect(shortcutFor(press('KeyN', body, { altKey: false }))).toBe(null);
    expect(shortcutFor(press('KeyN', body, { shiftKey: false }))).toBe(null);
    expect(shortcutFor(press('KeyN', body, { ctrlKey: true }))).toBe(null);
    expect(shortcutFor(press('KeyN', body, { metaKey: true }))).toBe(null);
  });

  it('never fires while typing in a text field, a text area, a list or editable text', () => {
    for (const html of [
      '<input type="text">',
      '<input>',
      '<input type="number">',
      '<input type="search">',
      '<textarea></textarea>',
      '<select><option>a</option></select>',
      '<div contenteditable="true"></div>',
    ])
      expect(shortcutFor(press('KeyN', element(html))), html).toBe(null);
  });

  it('fires from buttons, checkboxes and the page', () => {
    for (const html of ['<button>x</button>', '<input type="checkbox">', '<a href="#">x</a>'])
      expect(shortcutFor(press('KeyN', element(html))), html).toBe('next');
  });

  it('ignores a held key, so one press moves one stage', () => {
    expect(shortcutFor(press('KeyN', document.body, { repeat: true }))).toBe(null);
  });

  it('describes itself for tooltips and assistive technology', () => {
    expect(ariaShortcut('next')).toBe('Alt+Shift+N');
    expect(ariaShortcut('plusMinute')).toBe('Alt+Shift+ArrowUp');
    expect(shortcutLabel('next', 'Maj')).toBe('Alt+Maj+N');
    expect(shortcutLabel('minusMinute', 'Shift')).toBe('Alt+Shift+↓');
  });
});
