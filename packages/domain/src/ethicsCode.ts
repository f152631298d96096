import type { Localized } from './localized.ts';

/**
 * The group's code of ethics, which the facilitator guarantees and each person accepts at the
 * start of the group's first session [R90].
 */
export const ETHICS_PRINCIPLES: readonly { readonly key: string; readonly text: Localized }[] = [
  {
    key: 'confidentiality',
    text: {
      fr: 'Confidentialité\u00a0: ce qui se dit dans le groupe reste dans le groupe.',
      en: 'Confidentiality: what is said in the group stays in the group.',
    },
  },
  {
    key: 'listening',
    text: {
      fr: 'Écoute\u00a0: chacun écoute jusqu’au bout, le client sans débattre.',
      en: 'Listening: everyone listens to the end, the client without debating.',
    },
  },
  {
    key: 'kindness',
    text: {
      fr: 'Bienveillance\u00a0: on aide la personne, on ne la juge pas.',
      en: 'Kindness: we help the person, we do not judge them.',
    },
  },
  {
    key: 'noHierarchy',
    text: {
      fr: 'Pas de hiérarchie\u00a0: dans le groupe, tous sont pairs, quel que soit leur poste.',
      en: 'No hierarchy: in the group everyone is a peer, whatever their position.',
    },
  },
];

/** The line every export carries: a summary or one's data leaves the group's room. */
export const CONFIDENTIALITY_NOTICE: Localized = {
  fr: 'Confidentiel\u00a0: ce qui se dit dans le groupe reste dans le groupe. Ne partagez pas ce document sans l’accord des personnes qu’il nomme.',
  en: 'Confidential: what is said in the group stays in the group. Do not share this document without the agreement of the people it names.',
};
