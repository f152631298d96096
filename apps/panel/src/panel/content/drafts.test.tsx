import { makeConsultingSession } from '@cercle/domain/testing/contentSamples';
import { fireEvent, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPageMessages } from '../../i18n/i18n.tsx';
import { run } from '../../testing/builders.ts';
import { showCard as show } from '../../testing/showCard.tsx';
import { forgetDrafts } from '../../ui/useDraft.ts';
import { CaseBoard } from './CaseBoard.tsx';
import { ContractCard } from './ContractCard.tsx';
import { LearningsCard } from './LearningsCard.tsx';
import { SuggestionBoard } from './SuggestionBoard.tsx';
import { WhatNextCard } from './WhatNextCard.tsx';

beforeAll(() => loadPageMessages('fr'));

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
const fieldValue = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;
const draftKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('cercle:draft:'));

describe('drafts outlive the card that holds them', () => {
  it('a contract typed and not saved comes back when the card is drawn again, and goes once saved', async () => {
    const state = makeConsultingSession();
    await show(ContractCard, state, 'cli');
    type('contract-request', 'Deux pistes');
    fireEvent.click(screen.getByTestId('help-ideas'));
    const sent = await show(ContractCard, state, 'cli');
    expect(fieldValue('contract-request')).toBe('Deux pistes');
    expect((screen.getByTestId('help-ideas') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('contract-save'));
    expect(sent).toEqual([{ type: 'writeContract', request: 'Deux pistes', helpKinds: ['ideas'] }]);
    // Once the saved text reads the same, the draft is forgotten: the saved text stands alone.
    await show(ContractCard, run(state, 'cli', sent[0]!), 'cli');
    expect(fieldValue('contract-request')).toBe('Deux pistes');
    expect(draftKeys()).toEqual([]);
  });

  it('drafts are per person and per session: another person, or another session, starts blank', async () => {
    const state = makeConsultingSession();
    await show(LearningsCard, state, 'con');
    type('learnings-content', 'À moi seul');
    await show(LearningsCard, state, 'obs');
    expect(fieldValue('learnings-content')).toBe('');
    await show(LearningsCard, { ...state, id: 'another-session' }, 'con');
    expect(fieldValue('learnings-content')).toBe('');
    await show(LearningsCard, state, 'con');
    expect(fieldValue('learnings-content')).toBe('À moi seul');
  });

  it('a suggestion and a case proposal half typed come back, and are forgotten once sent', async () => {
    const state = makeConsultingSession();
    await show(SuggestionBoard, state, 'con');
    type('suggestion-text', 'Un café');
    let sent = await show(SuggestionBoard, state, 'con');
    expect(fieldValue('suggestion-text')).toBe('Un café');
    fireEvent.click(screen.getByTestId('suggestion-post'));
    expect(sent).toEqual([{ type: 'postSuggestion', text: 'Un café', visibility: 'group' }]);
    await show(SuggestionBoard, state, 'con');
    expect(fieldValue('suggestion-text')).toBe('');

    const choosing = { ...state, consultations: [] };
    await show(CaseBoard, choosing, 'con');
    type('case-title', 'Fusion de services');
    type('case-summary', 'Deux équipes');
    sent = await show(CaseBoard, choosing, 'con');
    expect(fieldValue('case-title')).toBe('Fusion de services');
    expect(fieldValue('case-summary')).toBe('Deux équipes');
    fireEvent.click(screen.getByTestId('case-submit'));
    expect(sent).toEqual([
      {
        type: 'proposeCase',
        kind: 'problem',
        title: 'Fusion de services',
        summary: 'Deux équipes',
      },
    ]);
    await show(CaseBoard, choosing, 'con');
    expect(fieldValue('case-title')).toBe('');
    expect(draftKeys()).toEqual([]);
  });

  it('the next session’s date and cycle length outlive the end of the session', async () => {
    const live = makeConsultingSession();
    await show(WhatNextCard, live, 'fac');
    type('next-date', '2027-01-12');
    type('cycle-sessions', '6');
    await show(WhatNextCard, run(live, 'fac', { type: 'endSession' }), 'fac');
    expect(fieldValue('next-date')).toBe('2027-01-12');
    expect(fieldValue('cycle-sessions')).toBe('6');
  });

  it('erasing one’s texts forgets the session’s drafts; a draft of another shape is ignored', async () => {
    const state = makeConsultingSession();
    await show(ContractCard, state, 'cli');
    type('contract-request', 'Effacé');
    forgetDrafts(`${state.id}:`);
    await show(ContractCard, state, 'cli');
    expect(fieldValue('contract-request')).toBe('');
    const [key] = draftKeys();
    expect(key).toBeUndefined();
    localStorage.setItem(
      `cercle:draft:${state.id}:cli:contract:${state.consultations[0]?.id}`,
      JSON.stringify({ request: 42, helpKinds: 'all' }),
    );
    await show(ContractCard, state, 'cli');
    expect(fieldValue('contract-request')).toBe('');
  });
});
