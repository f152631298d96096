import type { CatalogueStageKey } from './catalogueStageKeys.ts';
import { Floor, type Stage } from './stage.ts';

export { type CatalogueStageKey, isCatalogueStageKey } from './catalogueStageKeys.ts';

type StageContent = Omit<Stage, 'key' | 'plannedMs'>;

/**
 * The content of every built-in stage, in CATALOGUE_STAGE_KEYS' order; templates pick stages from
 * here and set their timings.
 */
export const STAGE_CATALOGUE = {
  inclusion: {
    title: { fr: 'Inclusion', en: 'Inclusion' },
    floor: Floor.everyone,
    guidance: {
      facilitator: {
        fr: 'Lancez le jeu d’inclusion et donnez la parole à chacun à tour de rôle.',
        en: 'Launch the inclusion game and give everyone the floor in turn.',
      },
      client: {
        fr: 'Dites en quelques mots comment vous arrivez aujourd’hui.',
        en: 'Say in a few words how you arrive today.',
      },
      consultant: {
        fr: 'Dites en quelques mots comment vous arrivez aujourd’hui.',
        en: 'Say in a few words how you arrive today.',
      },
      observer: {
        fr: 'Présentez-vous et rappelez que vous observez sans intervenir.',
        en: 'Introduce yourself and remind the group you observe without taking part.',
      },
    },
  },
  previousDebrief: {
    title: { fr: 'Retour du client précédent', en: 'Debrief of the previous client' },
    floor: Floor.client,
    guidance: {
      facilitator: {
        fr: 'Invitez le client de la séance précédente à raconter ce qu’il a tenté depuis.',
        en: 'Invite the previous session’s client to tell what they tried since.',
      },
      client: {
        fr: 'Écoutez le retour du client précédent : ce qu’il a tenté, réussi, buté.',
        en: 'Listen to the previous client: what they tried, what worked, what did not.',
      },
      consultant: {
        fr: 'Écoutez le retour du client précédent ; notez ce qu’il vous apprend.',
        en: 'Listen to the previous client’s debrief; note what it teaches you.',
      },
      observer: {
        fr: 'Notez comment le groupe accueille ce retour.',
        en: 'Note how the group receives this debrief.',
      },
    },
  },
  subjectChoice: {
    title: { fr: 'Choix du sujet', en: 'Choice of subject' },
    floor: Floor.everyone,
    guidance: {
      facilitator: {
        fr: 'Recueillez les sujets proposés et aidez le groupe à en choisir un.',
        en: 'Gather the proposed cases and help the group choose one.',
      },
      client: {
        fr: 'Présentez votre sujet en une phrase : problème, projet ou préoccupation.',
        en: 'Present your case in one sentence: problem, project or preoccupation.',
      },
      consultant: {
        fr: 'Proposez un sujet réel et actuel, ou aidez à choisir.',
        en: 'Propose a real, current case, or help choose one.',
      },
      observer: {
        fr: 'Observez comment le groupe décide.',
        en: 'Observe how the group decides.',
      },
    },
  },
  expose: {
    title: { fr: 'Exposé', en: 'Exposé' },
    floor: Floor.client,
    guidance: {
      facilitator: {
        fr: 'Veillez à ce que le client expose sans être interrompu.',
        en: 'Make sure the client presents without being interrupted.',
      },
      client: {
        fr: 'Présentez le contexte et votre problème, projet ou préoccupation.',
        en: 'Present the context and your problem, project or preoccupation.',
      },
      consultant: {
        fr: 'Écoutez sans interrompre ; notez vos questions pour la clarification.',
        en: 'Listen without interrupting; note your questions for the clarification.',
      },
      observer: {
        fr: 'Notez la qualité d’écoute du groupe.',
        en: 'Note how well the group listens.',
      },
    },
  },
  clarification: {
    title: { fr: 'Clarification', en: 'Clarification' },
    floor: Floor.consultants,
    guidance: {
      facilitator: {
        fr: 'Distribuez la parole ; recadrez les conseils déguisés en questions.',
        en: 'Share the floor; redirect advice disguised as questions.',
      },
      client: {
        fr: 'Répondez aux questions et précisez la situation.',
        en: 'Answer the questions and specify the situation.',
      },
      consultant: {
        fr: 'Posez des questions factuelles, pas encore de conseils.',
        en: 'Ask factual questions, no advice yet.',
      },
      observer: {
        fr: 'Distinguez les questions ouvertes des conseils déguisés.',
        en: 'Tell open questions from disguised advice.',
      },
    },
  },
  contract: {
    title: { fr: 'Contrat', en: 'Contract' },
    floor: Floor.client,
    guidance: {
      facilitator: {
        fr: 'Aidez le client à formuler sa demande et le type d’aide attendu.',
        en: 'Help the client state the request and the kind of help wanted.',
      },
      client: {
        fr: 'Formulez votre demande : « J’aimerais repartir avec… ».',
        en: 'State your request: “I would like to leave with…”.',
      },
      consultant: {
        fr: 'Vérifiez avec le client que la demande permet la consultation.',
        en: 'Check with the client that the request allows the consultation.',
      },
      observer: {
        fr: 'Notez si la demande est claire pour tous.',
        en: 'Note whether the request is clear to everyone.',
      },
    },
  },
  consultation: {
    title: { fr: 'Consultation', en: 'Consultation' },
    floor: Floor.consultants,
    guidance: {
      facilitator: {
        fr: 'Donnez la parole à chaque consultant ; protégez l’écoute du client.',
        en: 'Give each consultant the floor; protect the client’s listening.',
      },
      client: {
        fr: 'Écoutez sans débattre, notez les suggestions.',
        en: 'Listen without debating, note the suggestions.',
      },
      consultant: {
        fr: 'Partagez impressions, idées, expériences, suggestions, selon le contrat.',
        en: 'Offer impressions, ideas, experiences and suggestions, as the contract asks.',
      },
      observer: {
        fr: 'Notez les interactions : écoute, questions ou conseils, respect du client.',
        en: 'Note the interactions: listening, questions or advice, respect for the client.',
      },
    },
  },
  break: {
    title: { fr: 'Pause', en: 'Break' },
    floor: Floor.everyone,
    guidance: {
      facilitator: {
        fr: 'Annoncez l’heure de reprise.',
        en: 'Announce when the group resumes.',
      },
      client: {
        fr: 'Faites une pause ; relisez vos notes si vous le souhaitez.',
        en: 'Take a break; read your notes again if you wish.',
      },
      consultant: { fr: 'Faites une pause.', en: 'Take a break.' },
      observer: { fr: 'Faites une pause.', en: 'Take a break.' },
    },
  },
  synthesis: {
    title: { fr: 'Synthèse et plan d’action', en: 'Synthesis and action plan' },
    floor: Floor.client,
    guidance: {
      facilitator: {
        fr: 'Aidez le client à dire ce qu’il retient et à bâtir son plan d’action.',
        en: 'Help the client say what they keep and build their action plan.',
      },
      client: {
        fr: 'Dites ce que vous retenez et présentez votre plan d’action.',
        en: 'Say what you keep and present your action plan.',
      },
      consultant: {
        fr: 'Écoutez le client ; résumez vos propres apprentissages.',
        en: 'Listen to the client; summarise your own learnings.',
      },
      observer: {
        fr: 'Préparez votre retour sur les interactions.',
        en: 'Prepare your feedback on the interactions.',
      },
    },
  },
  learnings: {
    title: { fr: 'Apprentissages et évaluation', en: 'Learnings and evaluation' },
    floor: Floor.everyone,
    guidance: {
      facilitator: {
        fr: 'Faites un tour de table des apprentissages, puis évaluez la séance ensemble.',
        en: 'Go round the table for learnings, then evaluate the session together.',
      },
      client: {
        fr: 'Partagez ce que vous avez appris, sur le fond et sur la démarche.',
        en: 'Share what you learned, on the content and on the process.',
      },
      consultant: {
        fr: 'Partagez ce que vous avez appris, sur le fond et sur la démarche.',
        en: 'Share what you learned, on the content and on the process.',
      },
      observer: {
        fr: 'Donnez votre retour sur les interactions du groupe.',
        en: 'Give your feedback on the group’s interactions.',
      },
    },
  },
  regulation: {
    title: { fr: 'Apprentissages et régulation', en: 'Learnings and regulation' },
    floor: Floor.everyone,
    guidance: {
      facilitator: {
        fr: 'Invitez chacun à dire ses apprentissages ; régulez le fonctionnement du groupe.',
        en: 'Invite everyone to state their learnings; regulate how the group works.',
      },
      client: {
        fr: 'Dites ce que vous avez appris et ce que la séance vous a apporté.',
        en: 'Say what you learned and what the session gave you.',
      },
      consultant: {
        fr: 'Dites ce que vous avez appris, comme consultant et sur vous-même.',
        en: 'Say what you learned, as a consultant and about yourself.',
      },
      observer: {
        fr: 'Donnez votre retour sur les interactions du groupe.',
        en: 'Give your feedback on the group’s interactions.',
      },
    },
  },
  conclusion: {
    title: { fr: 'Conclusion', en: 'Conclusion' },
    floor: Floor.facilitator,
    guidance: {
      facilitator: {
        fr: 'Clôturez la séance, rappelez la confidentialité et remerciez chacun.',
        en: 'Close the session, recall confidentiality and thank everyone.',
      },
      client: { fr: 'Un mot pour conclure.', en: 'A word to close.' },
      consultant: { fr: 'Un mot pour conclure.', en: 'A word to close.' },
      observer: { fr: 'Un mot pour conclure.', en: 'A word to close.' },
    },
  },
} as const satisfies Record<CatalogueStageKey, StageContent>;
