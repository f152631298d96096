import type { Localized } from './localized.ts';

export interface InclusionCard {
  /** Also names the card's picture, drawn by the panel so it shows without an emoji font. */
  readonly id: string;
  readonly word: Localized;
}

/**
 * The inclusion deck shipped with Cercle: each person picks the card that says how they arrive,
 * then tells the group why. A picture and a word each, no wrong answer.
 */
export const INCLUSION_DECK: readonly InclusionCard[] = [
  { id: 'sun', word: { fr: 'Lumineux', en: 'Bright' } },
  { id: 'cloud', word: { fr: 'Nuageux', en: 'Cloudy' } },
  { id: 'storm', word: { fr: 'Orageux', en: 'Stormy' } },
  { id: 'rainbow', word: { fr: 'Éclaircie', en: 'Clearing up' } },
  { id: 'mountain', word: { fr: 'Sommet à gravir', en: 'A summit ahead' } },
  { id: 'wave', word: { fr: 'Dans la vague', en: 'Riding the wave' } },
  { id: 'seedling', word: { fr: 'En croissance', en: 'Growing' } },
  { id: 'compass', word: { fr: 'Cherche le cap', en: 'Finding my bearings' } },
  { id: 'battery', word: { fr: 'Rechargé', en: 'Recharged' } },
  { id: 'snail', word: { fr: 'Au ralenti', en: 'Slowed down' } },
  { id: 'rocket', word: { fr: 'Plein d’élan', en: 'Full of drive' } },
  { id: 'puzzle', word: { fr: 'Pièces à assembler', en: 'Pieces to fit' } },
  { id: 'bridge', word: { fr: 'Entre deux', en: 'In between' } },
  { id: 'key', word: { fr: 'Une clé à trouver', en: 'A key to find' } },
  { id: 'tea', word: { fr: 'Apaisé', en: 'Calm' } },
  { id: 'juggler', word: { fr: 'Je jongle', en: 'Juggling' } },
  { id: 'lighthouse', word: { fr: 'Vigilant', en: 'Watchful' } },
  { id: 'bicycle', word: { fr: 'En équilibre', en: 'Keeping balance' } },
];

export function findInclusionCard(cardId: string): InclusionCard | undefined {
  return INCLUSION_DECK.find((card) => card.id === cardId);
}
