import type { Localized } from './localized.ts';

export interface InclusionCard {
  readonly id: string;
  /** A picture anyone can read at a glance, whatever their language. */
  readonly picture: string;
  readonly word: Localized;
}

/**
 * The inclusion deck shipped with Cercle: each person picks the card that says how they arrive,
 * then tells the group why. Pictures and words, no wrong answer.
 */
export const INCLUSION_DECK: readonly InclusionCard[] = [
  { id: 'sun', picture: '☀️', word: { fr: 'Lumineux', en: 'Bright' } },
  { id: 'cloud', picture: '☁️', word: { fr: 'Nuageux', en: 'Cloudy' } },
  { id: 'storm', picture: '⛈️', word: { fr: 'Orageux', en: 'Stormy' } },
  { id: 'rainbow', picture: '🌈', word: { fr: 'Éclaircie', en: 'Clearing up' } },
  { id: 'mountain', picture: '⛰️', word: { fr: 'Sommet à gravir', en: 'A summit ahead' } },
  { id: 'wave', picture: '🌊', word: { fr: 'Dans la vague', en: 'Riding the wave' } },
  { id: 'seedling', picture: '🌱', word: { fr: 'En croissance', en: 'Growing' } },
  { id: 'compass', picture: '🧭', word: { fr: 'Cherche le cap', en: 'Finding my bearings' } },
  { id: 'battery', picture: '🔋', word: { fr: 'Rechargé', en: 'Recharged' } },
  { id: 'snail', picture: '🐌', word: { fr: 'Au ralenti', en: 'Slowed down' } },
  { id: 'rocket', picture: '🚀', word: { fr: 'Plein d’élan', en: 'Full of drive' } },
  { id: 'puzzle', picture: '🧩', word: { fr: 'Pièces à assembler', en: 'Pieces to fit' } },
  { id: 'bridge', picture: '🌉', word: { fr: 'Entre deux', en: 'In between' } },
  { id: 'key', picture: '🗝️', word: { fr: 'Une clé à trouver', en: 'A key to find' } },
  { id: 'tea', picture: '🍵', word: { fr: 'Apaisé', en: 'Calm' } },
  { id: 'juggler', picture: '🤹', word: { fr: 'Je jongle', en: 'Juggling' } },
  { id: 'lighthouse', picture: '🗼', word: { fr: 'Vigilant', en: 'Watchful' } },
  { id: 'bicycle', picture: '🚲', word: { fr: 'En équilibre', en: 'Keeping balance' } },
];

export function findInclusionCard(cardId: string): InclusionCard | undefined {
  return INCLUSION_DECK.find((card) => card.id === cardId);
}
