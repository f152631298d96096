import {
  CONFIDENTIALITY_NOTICE,
  ETHICS_PRINCIPLES,
  INCLUSION_DECK,
  STAGE_CATALOGUE,
  TEMPLATES,
} from '@cercle/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { enPages } from './enPages.ts';
import { fr } from './fr.ts';
import { frPages } from './frPages.ts';

/** Every text a message tree holds; a message that is a function is called with sample words. */
function textsOf(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    const args = Array.from({ length: node.length }, (_, i) => (i === 0 ? 2 : 'X'));
    return textsOf(node(...args), path);
  }
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => textsOf(value, `${path}.${key}`));
  return [];
}

// A letter, a middle dot, a letter: "Animateur·rice", "le·la". A lone " · " separator is not one.
const INCLUSIVE_DOT = /\p{L}·\p{L}/u;
const EMOJI = /\p{Extended_Pictographic}|\uFE0F/u;

const domainTexts = [
  ...INCLUSION_DECK.map((card) => card.word),
  ...ETHICS_PRINCIPLES.map((principle) => principle.text),
  CONFIDENTIALITY_NOTICE,
  ...TEMPLATES.flatMap((template) => [template.name, template.description]),
  ...Object.values(STAGE_CATALOGUE).flatMap((stage) => [
    stage.title,
    ...Object.values(stage.guidance),
  ]),
];

describe('wording of what people read', () => {
  it('French uses no middle-dot inclusive forms, in the panel’s messages or the domain’s texts', () => {
    const french = [
      ...textsOf(fr),
      ...textsOf(frPages),
      ...textsOf(domainTexts.map((text) => text.fr)),
    ];
    expect(french.length).toBeGreaterThan(300);
    expect(french.filter(([, text]) => INCLUSIVE_DOT.test(text))).toEqual([]);
  });

  it('the role names are the masculine generic the guidance texts use', () => {
    expect(fr.roles).toEqual({
      facilitator: 'Animateur',
      client: 'Client',
      consultant: 'Consultant',
      observer: 'Observateur',
    });
  });

  it('no message, in either language, draws with emoji: pictures are drawn as SVG', () => {
    const all = [
      ...textsOf(fr),
      ...textsOf(frPages),
      ...textsOf(en),
      ...textsOf(enPages),
      ...textsOf(domainTexts),
    ];
    expect(all.filter(([, text]) => EMOJI.test(text))).toEqual([]);
  });
});
