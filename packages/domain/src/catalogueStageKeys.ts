/**
 * The method's stages, in the method's order. Apart from the catalogue so that what only needs the
 * keys (the panel's first screen) does not carry every stage's guidance in two languages: a
 * session's stages reach the panel with their own text.
 */
export const CATALOGUE_STAGE_KEYS = [
  'inclusion',
  'previousDebrief',
  'subjectChoice',
  'expose',
  'clarification',
  'contract',
  'consultation',
  'break',
  'synthesis',
  'learnings',
  'regulation',
  'conclusion',
] as const;

export type CatalogueStageKey = (typeof CATALOGUE_STAGE_KEYS)[number];

const KEYS: ReadonlySet<string> = new Set(CATALOGUE_STAGE_KEYS);

/** True for a stage of the method; false for one the facilitator added (`custom-N`). */
export function isCatalogueStageKey(key: string): key is CatalogueStageKey {
  return KEYS.has(key);
}
