import type { Localized } from './localized.ts';
import { minutes, type Stage } from './stage.ts';
import { type CatalogueStageKey, STAGE_CATALOGUE } from './stageCatalogue.ts';

export interface Template {
  readonly key: string;
  readonly name: Localized;
  readonly description: Localized;
  readonly stages: readonly Stage[];
}

function stage(key: CatalogueStageKey, plannedMinutes: number | null): Stage {
  return {
    key,
    ...STAGE_CATALOGUE[key],
    plannedMs: plannedMinutes === null ? null : minutes(plannedMinutes),
  };
}

/** The 11-step remote session documented by a public-sector circle meeting on Zoom. */
export const REMOTE_TWO_HOURS: Template = {
  key: 'remote-2h',
  name: { fr: 'Séance à distance, 2 h', en: 'Remote session, 2 h' },
  description: {
    fr: 'Onze étapes, de l’inclusion à la conclusion, avec le retour du client précédent.',
    en: 'Eleven steps, from inclusion to conclusion, with the previous client’s debrief.',
  },
  stages: [
    stage('inclusion', 5),
    stage('previousDebrief', 10),
    stage('subjectChoice', 5),
    stage('expose', 10),
    stage('clarification', 20),
    stage('contract', null),
    stage('consultation', 40),
    stage('break', null),
    stage('synthesis', 5),
    stage('learnings', 20),
    stage('conclusion', null),
  ],
};

/** Payette and Champagne's six invariant steps of one consultation. */
export const CLASSIC_SIX_STEPS: Template = {
  key: 'classic-6',
  name: { fr: 'Six étapes classiques', en: 'Classic six steps' },
  description: {
    fr: 'Exposé, clarification, contrat, consultation, synthèse, apprentissages.',
    en: 'Exposé, clarification, contract, consultation, synthesis, learnings.',
  },
  stages: [
    stage('expose', 15),
    stage('clarification', 20),
    stage('contract', 10),
    stage('consultation', 40),
    stage('synthesis', 15),
    stage('regulation', 20),
  ],
};

export const TEMPLATES: readonly Template[] = [REMOTE_TWO_HOURS, CLASSIC_SIX_STEPS];

export function findTemplate(key: string): Template | undefined {
  return TEMPLATES.find((template) => template.key === key);
}
