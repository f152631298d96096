import type { Weather } from '@cercle/domain';
import type { ReactNode } from 'react';

/*
 * Small line drawings for the inclusion cards, the weathers and a raised hand. They replace emoji,
 * which show as empty boxes where no emoji font is installed. Drawn on a 24 × 24 grid in the text
 * colour, so every theme (high contrast included) colours them; the word beside says what they are.
 */
const sunRays =
  'M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9 7 7M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1';
const cloudHigh = 'M7 15a4 4 0 0 1-.6-7.95A5.5 5.5 0 0 1 17 6a4.5 4.5 0 0 1 0 9z';

const DRAWINGS = {
  sun: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d={sunRays} />
    </>
  ),
  cloud: <path d="M7 19a4 4 0 0 1-.6-7.95A5.5 5.5 0 0 1 17 10a4.5 4.5 0 0 1 0 9z" />,
  storm: (
    <>
      <path d={cloudHigh} />
      <path d="m13 13-3 4h4l-3 5" />
    </>
  ),
  rainbow: <path d="M3 18a9 9 0 0 1 18 0M6.5 18a5.5 5.5 0 0 1 11 0M10 18a2 2 0 0 1 4 0" />,
  mountain: <path d="m2 20 7-12 4 6 2-3 7 9zM7.3 11.8 9 13l1.7-1.2" />,
  wave: (
    <path d="M2 15c2.5 0 2.5-2 5-2s2.5 2 5 2 2.5-2 5-2 2.5 2 5 2M2 19c2.5 0 2.5-2 5-2s2.5 2 5 2 2.5-2 5-2 2.5 2 5 2M5 11c0-4 4-7 8-6-2 1-3 3-2 5" />
  ),
  seedling: (
    <path d="M12 21v-9M12 12C12 8 9 6 5 6c0 4 3 6 7 6zM12 10c0-3 2.5-5 6-5 0 3-2.5 5-6 5zM8 21h8" />
  ),
  compass: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m15.5 8.5-2 5-5 2 2-5z" />
    </>
  ),
  battery: (
    <>
      <rect x="3" y="7" width="16" height="10" rx="2" />
      <path d="M21.5 10v4M6.5 10v4M9.5 10v4M12.5 10v4M15.5 10v4" />
    </>
  ),
  snail: (
    <>
      <circle cx="14" cy="12" r="5" />
      <path d="M14 12a2 2 0 1 0 2-2M2 18h17a3 3 0 0 0 3-3M4 18c0-2 1-4 2.5-5M6.5 13 5 9M6.5 13 8.5 10" />
    </>
  ),
  rocket: (
    <>
      <path d="M12 2c3 3 4 7 3 12H9C8 9 9 5 12 2zM9 13l-3 3v4l3-2.5M15 13l3 3v4l-3-2.5M10.5 17l1.5 4 1.5-4" />
      <circle cx="12" cy="9" r="1.5" />
    </>
  ),
  puzzle: <path d="M4 8h4a2 2 0 1 1 4 0h4v4a2 2 0 1 1 0 4v4H4v-4.5a2 2 0 1 0 0-3z" />,
  bridge: <path d="M2 14h20M5 5v15M19 5v15M5 6c2 5 5 7 7 7s5-2 7-7M9 10.8V14M15 10.8V14" />,
  key: (
    <>
      <circle cx="7" cy="16" r="4" />
      <path d="m10 13 9-9M16 7l2 2M13.5 9.5l2 2" />
    </>
  ),
  tea: (
    <path d="M4 10h12v4a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5zM16 11h2a2 2 0 0 1 0 4h-2M8 3c-1 1.5 1 2.5 0 4M12 3c-1 1.5 1 2.5 0 4M3 21h14" />
  ),
  juggler: (
    <>
      <circle cx="5" cy="6" r="1.6" />
      <circle cx="12" cy="3" r="1.6" />
      <circle cx="19" cy="6" r="1.6" />
      <circle cx="12" cy="10.5" r="2" />
      <path d="M12 12.5V18l-3 4M12 18l3 4M6 9l6 5 6-5" />
    </>
  ),
  lighthouse: (
    <path d="m9 21 1.5-12h3L15 21zM7 21h10M10 9h4V6l-2-2-2 2zM10.8 14h2.4M3 5l4 2M21 5l-4 2" />
  ),
  bicycle: (
    <>
      <circle cx="6" cy="16" r="4" />
      <circle cx="18" cy="16" r="4" />
      <path d="m6 16 4-7h6l2 7M10 9l2 7H6M16 9l-1-3h-2" />
    </>
  ),
  partlySunny: (
    <>
      <circle cx="8" cy="8" r="3" />
      <path d="M8 2v1.5M2 8h1.5M3.8 3.8l1 1M12.2 3.8l-1 1M9 21a3.5 3.5 0 0 1-.5-6.96A5 5 0 0 1 18 13a4 4 0 0 1 0 8z" />
    </>
  ),
  rainy: (
    <>
      <path d={cloudHigh} />
      <path d="m8 18-1 3M12 18l-1 3M16 18l-1 3" />
    </>
  ),
  hand: (
    <path d="M8 13V5a1.5 1.5 0 0 1 3 0v6M11 10V3.5a1.5 1.5 0 0 1 3 0V11M14 10V5a1.5 1.5 0 0 1 3 0v7M8 13l-1.5-2A1.5 1.5 0 0 0 4 12.7L7 18a6 6 0 0 0 5 3h1a4 4 0 0 0 4-4v-5" />
  ),
} satisfies Record<string, ReactNode>;

export type PictureName = keyof typeof DRAWINGS;

/** The weathers of the closing evaluation, drawn. */
export const WEATHER_PICTURES = {
  sunny: 'sun',
  partlySunny: 'partlySunny',
  cloudy: 'cloud',
  rainy: 'rainy',
  stormy: 'storm',
} as const satisfies Record<Weather, PictureName>;

export function isPictureName(name: string): name is PictureName {
  return Object.hasOwn(DRAWINGS, name);
}

/** A drawing beside its word: decorative, so screen readers read the word alone. */
export function Picture({ name }: { readonly name: PictureName }) {
  return (
    <svg
      className="picture"
      data-picture={name}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {DRAWINGS[name]}
    </svg>
  );
}
