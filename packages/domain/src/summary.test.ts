import { describe, expect, it } from 'vitest';
import { CONFIDENTIALITY_NOTICE } from './ethicsCode.ts';
import { frenchSpacing, sessionSummary } from './summary.ts';
import { run } from './testing/builders.ts';
import { makeConsultingSession } from './testing/contentSamples.ts';

const date = () => '24 novembre 2026';

function finishedSession() {
  let state = makeConsultingSession();
  state = run(state, 'con', { type: 'writeDebrief', tried: 'TRIED', worked: 'W', didNotWork: 'D' });
  state = run(state, 'cli', { type: 'writeContract', request: 'CONTRACT', helpKinds: ['ideas'] });
  state = run(state, 'con', { type: 'postSuggestion', text: 'TO-GROUP', visibility: 'group' });
  state = run(state, 'con', { type: 'postSuggestion', text: 'TO-CLIENT', visibility: 'client' });
  state = run(state, 'cli', { type: 'sortSuggestion', suggestionId: 'suggestion-4', sort: 'keep' });
  state = run(state, 'cli', {
    type: 'writeActionPlan',
    actions: ['PLAN'],
    firstStep: 'STEP',
    byWhen: '2027-01-31',
  });
  state = run(state, 'cli', { type: 'writeLearnings', content: 'CLI-LEARNT', process: '' });
  state = run(state, 'con', { type: 'writeLearnings', content: 'CON-PRIVATE', process: '' });
  state = run(state, 'fac', { type: 'writeLearnings', content: 'FAC-SHARED', process: '' });
  state = run(state, 'fac', {
    type: 'setVisibility',
    ref: { kind: 'learnings', id: 'fac' },
    visibility: 'group',
  });
  state = run(state, 'obs', { type: 'writeNote', text: 'OBS-NOTE' });
  state = run(state, 'obs', { type: 'evaluate', weather: 'sunny', rating: 4, comment: 'OBS-EVAL' });
  state = run(state, 'cli', { type: 'evaluate', weather: 'rainy', rating: 2, comment: 'CLI-EVAL' });
  return state;
}

describe('exported summaries', () => {
  it('[R36] the client’s summary holds their case, board, plan and own texts, not others’ private ones', () => {
    const md = sessionSummary(finishedSession(), 'cli', 'fr', date);
    for (const included of [
      'TRIED',
      'CONTRACT',
      'TO-GROUP',
      'TO-CLIENT',
      'à garder',
      'PLAN',
      'STEP',
      '31 janvier 2027',
      'CLI-LEARNT',
      'FAC-SHARED',
      'CLI-EVAL',
      'des idées',
    ])
      expect(md, included).toContain(included);
    for (const excluded of ['CON-PRIVATE', 'OBS-NOTE', 'OBS-EVAL'])
      expect(md, excluded).not.toContain(excluded);
  });

  it('a consultant’s summary leaves out the suggestion addressed to the client only', () => {
    const md = sessionSummary(finishedSession(), 'con', 'en', date);
    for (const included of ['TO-GROUP', 'TO-CLIENT', 'CON-PRIVATE', 'PLAN', 'FAC-SHARED'])
      expect(md).toContain(included);
    expect(sessionSummary(finishedSession(), 'fac', 'en', date)).not.toContain('TO-CLIENT');
    for (const excluded of ['CLI-LEARNT', 'CLI-EVAL', 'OBS-NOTE'])
      expect(md).not.toContain(excluded);
  });

  it('an observer’s summary holds their notes and evaluation, and a stranger’s nothing written', () => {
    const md = sessionSummary(finishedSession(), 'obs', 'en', date);
    expect(md).toContain('OBS-NOTE');
    expect(md).toContain('OBS-EVAL');
    expect(md).not.toContain('CLI-EVAL');
    const stranger = sessionSummary(finishedSession(), 'stranger', 'en', date);
    for (const text of ['TRIED', 'TO-GROUP', 'FAC-SHARED', 'OBS-NOTE'])
      expect(stranger).not.toContain(text);
  });

  it('quotes what people wrote, so their text cannot forge the summary’s headings', () => {
    let state = makeConsultingSession();
    state = run(state, 'cli', {
      type: 'writeLearnings',
      content: '# Fake heading\nline',
      process: '',
    });
    expect(sessionSummary(state, 'cli', 'en', date)).toContain('> # Fake heading\n> line');
  });

  it('in French, a non-breaking space goes before : ; ? ! and the reader is never “moi”', () => {
    const md = sessionSummary(finishedSession(), 'cli', 'fr', date);
    expect(md).toContain('Client\u00a0: Vous');
    expect(md).toContain('Échéance\u00a0: 31 janvier 2027');
    expect(md).not.toMatch(/\S[:;?!](\s|$)/m);
    expect(md).not.toMatch(/moi\s*:/i);
    expect(md).not.toContain('2027-01-31');
  });

  it('in English, colons stay tight and the due date reads in full', () => {
    const md = sessionSummary(finishedSession(), 'cli', 'en', date);
    expect(md).toContain('Client: You');
    expect(md).toContain('By: 31 January 2027');
    expect(md).not.toContain('\u00a0:');
  });

  it('every summary carries the confidentiality line, a stranger’s too', () => {
    for (const [person, locale] of [
      ['cli', 'fr'],
      ['obs', 'en'],
      ['stranger', 'fr'],
    ] as const)
      expect(sessionSummary(finishedSession(), person, locale, date)).toContain(
        frenchSpacing(CONFIDENTIALITY_NOTICE[locale], locale),
      );
  });
});

describe('frenchSpacing', () => {
  it('puts one non-breaking space before high punctuation, and leaves times and links alone', () => {
    expect(frenchSpacing('Note: 4 ; vrai? oui !', 'fr')).toBe(
      'Note\u00a0: 4\u00a0; vrai\u00a0? oui\u00a0!',
    );
    expect(frenchSpacing('à 10:30, https://exemple.fr', 'fr')).toBe('à 10:30, https://exemple.fr');
    expect(frenchSpacing('Quoi ?!', 'fr')).toBe('Quoi\u00a0?!');
    expect(frenchSpacing('Note: 4', 'en')).toBe('Note: 4');
  });
});
