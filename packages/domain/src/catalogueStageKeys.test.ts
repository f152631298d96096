import { describe, expect, it } from 'vitest';
import { CATALOGUE_STAGE_KEYS, isCatalogueStageKey } from './catalogueStageKeys.ts';
import { STAGE_CATALOGUE } from './stageCatalogue.ts';

describe('the catalogue stage keys', () => {
  it('list the catalogue stages in the catalogue order', () => {
    expect(Object.keys(STAGE_CATALOGUE)).toEqual([...CATALOGUE_STAGE_KEYS]);
  });

  it('tell a method stage from a stage the facilitator added', () => {
    expect(isCatalogueStageKey('expose')).toBe(true);
    expect(isCatalogueStageKey('custom-1')).toBe(false);
    expect(isCatalogueStageKey('toString')).toBe(false);
  });
});
