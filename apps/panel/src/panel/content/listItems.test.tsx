import { makeConsultingSession } from '@cercle/domain/testing/contentSamples';
import { fireEvent, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPageMessages } from '../../i18n/i18n.tsx';
import { run } from '../../testing/builders.ts';
import { showCard as show } from '../../testing/showCard.tsx';
import { ClientNoteCard } from './ClientNoteCard.tsx';
import { ObserverGridCard } from './ObserverGridCard.tsx';
import { QuestionsCard } from './QuestionsCard.tsx';
import { StageNotesCard } from './StageNotesCard.tsx';

beforeAll(() => loadPageMessages('fr'));

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('cards that add one item at a time to a list', () => {
  it('a question: a blank one is not sent; a typed one is sent, then the field is empty, even after a reload', async () => {
    const state = makeConsultingSession();
    const sent = await show(QuestionsCard, state, 'con');
    expect(field('question-text').maxLength).toBeGreaterThan(0);
    type('question-text', '   ');
    fireEvent.click(screen.getByTestId('question-submit'));
    expect(sent).toEqual([]);
    type('question-text', 'Depuis quand ?');
    fireEvent.click(screen.getByTestId('question-submit'));
    expect(sent).toEqual([{ type: 'askQuestion', text: 'Depuis quand ?' }]);
    expect(field('question-text').value).toBe('');
    await show(QuestionsCard, state, 'con');
    expect(field('question-text').value).toBe('');
  });

  it('a stage note half typed comes back after a reload, and goes once added', async () => {
    const state = makeConsultingSession();
    await show(StageNotesCard, state, 'obs');
    type('stage-note-text', 'Le client se tait');
    const sent = await show(StageNotesCard, state, 'obs');
    expect(field('stage-note-text').value).toBe('Le client se tait');
    expect(field('stage-note-text').tagName).toBe('TEXTAREA');
    fireEvent.click(screen.getByTestId('stage-note-submit'));
    expect(sent).toEqual([{ type: 'addStageNote', text: 'Le client se tait' }]);
    await show(StageNotesCard, state, 'obs');
    expect(field('stage-note-text').value).toBe('');
  });

  it("the client's note is a paragraph of a note's length, saved whole", async () => {
    const state = makeConsultingSession();
    const sent = await show(ClientNoteCard, state, 'cli');
    expect(field('client-note-text').tagName).toBe('TEXTAREA');
    type('client-note-text', 'À creuser');
    fireEvent.click(screen.getByTestId('client-note-save'));
    expect(sent).toEqual([{ type: 'writeClientNote', text: 'À creuser' }]);
  });
});

describe('sharing one’s own text with the group', () => {
  it('the observer shares their stage notes, then takes them back', async () => {
    let state = run(makeConsultingSession(), 'obs', { type: 'addStageNote', text: 'Silence' });
    let sent = await show(ObserverGridCard, state, 'obs');
    fireEvent.click(screen.getByTestId('share-stage-notes'));
    expect(sent).toEqual([
      { type: 'setVisibility', ref: { kind: 'stageNotes', id: 'obs' }, visibility: 'group' },
    ]);
    state = run(state, 'obs', sent[0]!);
    sent = await show(ObserverGridCard, state, 'obs');
    fireEvent.click(screen.getByTestId('share-stage-notes'));
    expect(sent).toEqual([
      { type: 'setVisibility', ref: { kind: 'stageNotes', id: 'obs' }, visibility: 'me' },
    ]);
  });
});
