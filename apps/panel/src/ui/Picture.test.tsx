import { INCLUSION_DECK, WEATHERS } from '@cercle/domain';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isPictureName, Picture, WEATHER_PICTURES } from './Picture.tsx';

afterEach(cleanup);

describe('Picture', () => {
  it('draws every inclusion card and every weather', () => {
    expect(INCLUSION_DECK.filter((card) => !isPictureName(card.id))).toEqual([]);
    for (const weather of WEATHERS) expect(isPictureName(WEATHER_PICTURES[weather])).toBe(true);
  });

  it('is an inline SVG hidden from screen readers, with no text of its own', () => {
    const { container } = render(<Picture name="rocket" />);
    const svg = container.querySelector('svg');
    expect(svg?.getAttribute('aria-hidden')).toBe('true');
    expect(svg?.querySelectorAll('path, circle, rect').length).toBeGreaterThan(0);
    expect(container.textContent).toBe('');
  });
});
