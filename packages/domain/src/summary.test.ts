import { describe, expect, it } from 'vitest';
import { sessionSummary } from './summary.ts';
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
      '2027-01-31',
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
});
