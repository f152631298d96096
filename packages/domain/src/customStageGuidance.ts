import type { Stage } from './stage.ts';

/**
 * Guidance for a stage the facilitator adds: generic, since its purpose is theirs to say. Apart
 * from the catalogue: adding a stage is a command the panel weighs, and the catalogue's text would
 * follow this into the panel's first chunk.
 */
export const CUSTOM_STAGE_GUIDANCE: Stage['guidance'] = {
  facilitator: {
    fr: 'Expliquez au groupe le but de cette étape.',
    en: 'Explain the purpose of this stage to the group.',
  },
  client: { fr: 'Suivez les indications de l’animateur.', en: 'Follow the facilitator’s lead.' },
  consultant: {
    fr: 'Suivez les indications de l’animateur.',
    en: 'Follow the facilitator’s lead.',
  },
  observer: { fr: 'Observez les interactions.', en: 'Observe the interactions.' },
};
