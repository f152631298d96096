import { GRID_CRITERIA, type HelpKind, type SuggestionSort, type Weather } from './content.ts';
import { formatLongDate } from './dates.ts';
import { CONFIDENTIALITY_NOTICE } from './ethicsCode.ts';
import { findInclusionCard } from './inclusionDeck.ts';
import type { Locale } from './localized.ts';
import type { SessionState } from './session.ts';
import { viewFor } from './viewFor.ts';

const WORDS = {
  fr: {
    summary: 'Synthèse de séance',
    previous: 'Retour sur la séance précédente',
    tried: 'Ce qui a été tenté',
    worked: 'Ce qui a marché',
    didNotWork: 'Ce qui n’a pas marché',
    case: 'Cas',
    client: 'Client',
    contract: 'Contrat',
    help: 'Aide souhaitée',
    suggestions: 'Suggestions',
    plan: 'Plan d’action',
    firstStep: 'Premier pas',
    byWhen: 'Échéance',
    learnings: 'Apprentissages',
    onContent: 'Sur le contenu',
    onProcess: 'Sur le processus',
    evaluation: 'Évaluation',
    rating: 'Note',
    observer: 'Grille de l’observateur',
    questions: 'Questions de clarification',
    clientNote: 'Mes notes pendant la consultation',
    stageNotes: 'Observations par étape',
    notes: 'Notes',
    inclusion: 'Inclusion',
    mine: 'Vous',
    none: '—',
    sorts: { keep: 'à garder', explore: 'à explorer', drop: 'écartée' },
    help_: {
      ideas: 'des idées',
      advice: 'des conseils',
      experiences: 'des expériences vécues',
      planFeedback: 'un avis sur un plan',
      resources: 'des ressources',
      questions: 'des questions pour réfléchir',
    },
    weather: {
      sunny: 'ensoleillé',
      partlySunny: 'éclaircies',
      cloudy: 'nuageux',
      rainy: 'pluvieux',
      stormy: 'orageux',
    },
  },
  en: {
    summary: 'Session summary',
    previous: 'Debrief of the previous session',
    tried: 'What was tried',
    worked: 'What worked',
    didNotWork: 'What did not',
    case: 'Case',
    client: 'Client',
    contract: 'Contract',
    help: 'Help wanted',
    suggestions: 'Suggestions',
    plan: 'Action plan',
    firstStep: 'First step',
    byWhen: 'By',
    learnings: 'Learnings',
    onContent: 'On the content',
    onProcess: 'On the process',
    evaluation: 'Evaluation',
    rating: 'Rating',
    observer: 'Observer’s grid',
    questions: 'Clarification questions',
    clientNote: 'My notes during the consultation',
    stageNotes: 'Observations by stage',
    notes: 'Notes',
    inclusion: 'Inclusion',
    mine: 'You',
    none: '—',
    sorts: { keep: 'keep', explore: 'explore', drop: 'dropped' },
    help_: {
      ideas: 'ideas',
      advice: 'advice',
      experiences: 'shared experiences',
      planFeedback: 'feedback on a plan',
      resources: 'resources',
      questions: 'questions to think with',
    },
    weather: {
      sunny: 'sunny',
      partlySunny: 'sunny spells',
      cloudy: 'cloudy',
      rainy: 'rainy',
      stormy: 'stormy',
    },
  },
} as const satisfies Record<
  Locale,
  {
    sorts: Record<SuggestionSort, string>;
    help_: Record<HelpKind, string>;
    weather: Record<Weather, string>;
    [key: string]: unknown;
  }
>;

/** Keeps Markdown written by people from turning into headings or lists of the summary. */
function quote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * French typography: one non-breaking space before ; : ? ! that close a word, so they never start
 * a line. Times (10:30), links (https://) and doubled marks (?!) are left as they are.
 */
export function frenchSpacing(text: string, locale: Locale): string {
  if (locale !== 'fr') return text;
  return text.replace(/([^\s;:!?])[ \u00a0\u202f]?([;:!?])(?=\s|$|[!?])/g, '$1\u00a0$2');
}

/**
 * The session as one person may keep it, in Markdown: built from their view, so it holds exactly
 * what they may read and nothing else.
 */
export function sessionSummary(
  state: SessionState,
  personId: string,
  locale: Locale,
  formatDate: (at: number) => string,
): string {
  const view = viewFor(state, personId);
  const w = WORDS[locale];
  const name = (id: string) =>
    id === personId ? w.mine : (view.people.find((p) => p.id === id)?.displayName ?? '?');
  const out: string[] = [`# ${w.summary} — ${view.groupName}`, ''];
  out.push(formatDate(view.startedAt ?? view.createdAt), '');
  out.push(`_${CONFIDENTIALITY_NOTICE[locale]}_`, '');
  const picks = Object.entries(view.inclusion?.picks ?? {});
  if (picks.length > 0) {
    out.push(`## ${w.inclusion}`, '');
    for (const [id, cardId] of picks) {
      const card = findInclusionCard(cardId);
      out.push(`- ${name(id)}: ${card ? card.word[locale] : cardId}`);
    }
    out.push('');
  }
  if (view.previous) {
    out.push(
      `## ${w.previous}`,
      '',
      `**${view.previous.clientName}** — ${view.previous.caseTitle}`,
    );
    const plan = view.previous.plan;
    if (plan) for (const action of plan.actions) out.push(`- ${action}`);
    if (view.debrief) {
      out.push('', `**${w.tried}**`, quote(view.debrief.tried), '');
      out.push(`**${w.worked}**`, quote(view.debrief.worked), '');
      out.push(`**${w.didNotWork}**`, quote(view.debrief.didNotWork));
    }
    out.push('');
  }
  for (const consultation of view.consultations) {
    const proposal = view.cases.find((c) => c.id === consultation.caseId);
    out.push(`## ${w.case}: ${proposal?.title || w.none}`, '');
    out.push(`${w.client}: ${name(consultation.clientId)}`, '');
    if (proposal?.summary) out.push(quote(proposal.summary), '');
    if (consultation.contract) {
      out.push(`### ${w.contract}`, '', quote(consultation.contract.request), '');
      const help = consultation.contract.helpKinds.map((k) => w.help_[k]).join(', ');
      if (help) out.push(`${w.help}: ${help}`, '');
    }
    const questions = view.questions.filter((q) => q.consultationId === consultation.id);
    if (questions.length > 0) {
      out.push(`### ${w.questions}`, '');
      for (const q of questions) out.push(`- ${name(q.authorId)}: ${q.text.replace(/\n/g, ' ')}`);
      out.push('');
    }
    // Only its client's view holds it [R61].
    const clientNote = view.clientNotes[consultation.id];
    if (clientNote?.text.trim()) out.push(`### ${w.clientNote}`, '', quote(clientNote.text), '');
    if (consultation.suggestions.length > 0) {
      out.push(`### ${w.suggestions}`, '');
      // The client's sort, where this reader may read it [R73].
      const sorts = view.boardSorts[consultation.id]?.sorts ?? {};
      for (const s of consultation.suggestions) {
        const sort = sorts[s.id];
        out.push(`- ${s.text.replace(/\n/g, ' ')}${sort ? ` _(${w.sorts[sort]})_` : ''}`);
      }
      out.push('');
    }
    if (consultation.plan) {
      out.push(`### ${w.plan}`, '');
      for (const action of consultation.plan.actions) out.push(`- [ ] ${action}`);
      if (consultation.plan.firstStep)
        out.push('', `${w.firstStep}: ${consultation.plan.firstStep}`);
      if (consultation.plan.byWhen)
        out.push(`${w.byWhen}: ${formatLongDate(consultation.plan.byWhen, locale)}`);
      out.push('');
    }
  }
  const learnings = Object.values(view.learnings);
  if (learnings.length > 0) {
    out.push(`## ${w.learnings}`, '');
    for (const l of learnings) {
      out.push(`### ${name(l.authorId)}`, '');
      if (l.content.trim()) out.push(`**${w.onContent}**`, quote(l.content), '');
      if (l.process.trim()) out.push(`**${w.onProcess}**`, quote(l.process), '');
    }
  }
  for (const e of Object.values(view.evaluations)) {
    out.push(`## ${w.evaluation} — ${name(e.authorId)}`, '');
    out.push(`${w.weather[e.weather]}, ${w.rating}: ${e.rating}/5`, '');
    if (e.comment.trim()) out.push(quote(e.comment), '');
  }
  for (const f of Object.values(view.observerFeedback)) {
    out.push(`## ${w.observer} — ${name(f.authorId)}`, '');
    const marks = GRID_CRITERIA.flatMap((c) => (f[c] === undefined ? [] : [`${f[c]}/4`]));
    out.push(marks.join(', '), '');
    if (f.comment.trim()) out.push(quote(f.comment), '');
  }
  for (const n of Object.values(view.stageNotes)) {
    if (n.entries.length === 0) continue;
    out.push(`## ${w.stageNotes} — ${name(n.authorId)}`, '');
    for (const entry of n.entries) {
      const stage = view.stages.find((st) => st.key === entry.stageKey);
      const title = stage ? stage.title[locale] : entry.stageKey;
      // Minutes into the session: the domain knows no time zone to tell the hour in.
      const minutes = Math.max(0, Math.round((entry.at - (view.startedAt ?? entry.at)) / 60_000));
      out.push(`- **${title}** (+${minutes} min): ${entry.text.replace(/\n/g, ' ')}`);
    }
    out.push('');
  }
  const notes = Object.values(view.notes).filter((n) => n.text.trim());
  if (notes.length > 0) {
    out.push(`## ${w.notes}`, '');
    for (const n of notes) out.push(`### ${name(n.authorId)}`, '', quote(n.text), '');
  }
  const markdown = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `${frenchSpacing(markdown, locale)}\n`;
}
