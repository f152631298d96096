import { type Command, decide, LIMITS, Rejection } from '@cercle/domain';
import { makeConsultingSession } from '@cercle/domain/testing/contentSamples';
import { commandSchema } from '@cercle/protocol';
import { fireEvent, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPageMessages } from '../../i18n/i18n.tsx';
import { run, T0 } from '../../testing/builders.ts';
import { showCard as show } from '../../testing/showCard.tsx';
import { ActionPlanCard } from './ActionPlanCard.tsx';
import { ContractCard } from './ContractCard.tsx';
import { EvaluationCard } from './EvaluationCard.tsx';
import { LearningsCard } from './LearningsCard.tsx';
import { ObserverGridCard } from './ObserverGridCard.tsx';
import { PreviousPlanCard } from './PreviousPlanCard.tsx';

beforeAll(() => loadPageMessages('fr'));

/**
 * Live; `cli` is the client of the consultation under way, `con` the previous session's client
 * (their plan shared with the group), `obs` the observer, `fac` facilitates.
 */
const consulting = makeConsultingSession;

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

/** The text as read, French spacing (a non-breaking space before a colon) as a plain space. */
const textOf = (testId: string) => screen.getByTestId(testId).textContent?.replace(/\u00a0/g, ' ');

describe('the authored texts: whoever may write one gets its form, the others read it', () => {
  it('learnings: written by anyone, kept private until shared, read by the others once shared', async () => {
    const sent = await show(LearningsCard, consulting(), 'con');
    expect(screen.getByText('moi uniquement')).toBeTruthy();
    type('learnings-content', 'Questions ouvertes');
    type('learnings-process', 'Écouter jusqu’au bout');
    fireEvent.click(screen.getByTestId('learnings-save'));
    expect(sent).toEqual([
      { type: 'writeLearnings', content: 'Questions ouvertes', process: 'Écouter jusqu’au bout' },
    ]);

    let state = run(consulting(), 'con', sent[0]!);
    state = run(state, 'con', {
      type: 'setVisibility',
      ref: { kind: 'learnings', id: 'con' },
      visibility: 'group',
    });
    await show(LearningsCard, state, 'cli');
    expect(textOf('shared-learnings')).toBe('con : Questions ouvertes — Écouter jusqu’au bout');
  });

  it('the action plan: the client writes it from what they kept; the group reads it', async () => {
    let state = run(consulting(), 'cli', {
      type: 'sortSuggestion',
      suggestionId: 'suggestion-3',
      sort: 'keep',
    });
    const sent = await show(ActionPlanCard, state, 'cli');
    expect(screen.getByText('Un entretien')).toBeTruthy();
    type('plan-actions', 'Rencontrer l’agent\nFaire un point');
    type('plan-first-step', 'Un café lundi');
    fireEvent.click(screen.getByTestId('plan-save'));
    expect(sent).toEqual([
      {
        type: 'writeActionPlan',
        actions: ['Rencontrer l’agent', 'Faire un point'],
        firstStep: 'Un café lundi',
        byWhen: null,
      },
    ]);

    state = run(state, 'cli', sent[0]!);
    await show(ActionPlanCard, state, 'obs');
    expect(screen.queryByTestId('plan-save')).toBeNull();
    expect(textOf('plan')).toContain('Rencontrer l’agent');
    expect(textOf('plan')).toContain('Premier pas : Un café lundi');
  });

  it('the debrief: the previous client answers under their plan; the others read both', async () => {
    const sent = await show(PreviousPlanCard, consulting(), 'con');
    expect(screen.getByTestId('previous-actions').textContent).toBe('Rencontrer chaque agent');
    type('debrief-tried', 'Des rendez-vous');
    fireEvent.click(screen.getByTestId('debrief-save'));
    expect(sent).toEqual([
      { type: 'writeDebrief', tried: 'Des rendez-vous', worked: '', didNotWork: '' },
    ]);

    await show(PreviousPlanCard, run(consulting(), 'con', sent[0]!), 'cli');
    expect(screen.queryByTestId('debrief-save')).toBeNull();
    expect(textOf('debrief')).toContain('Ce que j’ai tenté : Des rendez-vous');
  });

  it('the evaluation: a weather, a rating and a word, each from their own choices', async () => {
    const sent = await show(EvaluationCard, consulting(), 'obs');
    fireEvent.click(screen.getByTestId('weather-cloudy'));
    fireEvent.click(screen.getByTestId('rating-2'));
    type('evaluation-comment', 'Dense');
    fireEvent.click(screen.getByTestId('evaluation-save'));
    expect(sent).toEqual([{ type: 'evaluate', weather: 'cloudy', rating: 2, comment: 'Dense' }]);
  });

  it('the observer’s grid: only the observer fills it', async () => {
    const sent = await show(ObserverGridCard, consulting(), 'obs');
    fireEvent.click(screen.getByTestId('grid-listening-4'));
    fireEvent.click(screen.getByTestId('grid-clientFloor-1'));
    fireEvent.click(screen.getByTestId('grid-save'));
    expect(sent).toEqual([
      {
        type: 'writeObserverFeedback',
        listening: 4,
        questionsOverAdvice: 3,
        clientFloor: 1,
        stagesRespected: 3,
        clientListening: 3,
        kindness: 3,
        timeKept: 3,
        comment: '',
      },
    ]);
    await show(ObserverGridCard, consulting(), 'con');
    expect(screen.queryByTestId('observer-grid')).toBeNull();
  });

  it('the contract: the client asks, in the order help is offered; the group keeps it in sight', async () => {
    const sent = await show(ContractCard, consulting(), 'cli');
    type('contract-request', 'Des pistes');
    fireEvent.click(screen.getByTestId('help-questions'));
    fireEvent.click(screen.getByTestId('help-ideas'));
    fireEvent.click(screen.getByTestId('contract-save'));
    expect(sent).toEqual([
      { type: 'writeContract', request: 'Des pistes', helpKinds: ['ideas', 'questions'] },
    ]);

    await show(ContractCard, run(consulting(), 'cli', sent[0]!), 'con');
    expect(screen.getByTestId('contract-text').textContent).toBe('Des pistes');
  });

  it('a text once written opens with what was saved, and says who reads it', async () => {
    const state = run(consulting(), 'con', {
      type: 'writeLearnings',
      content: 'Déjà écrit',
      process: '',
    });
    await show(LearningsCard, state, 'con');
    expect(field('learnings-content').value).toBe('Déjà écrit');
    expect((screen.getByTestId('visibility-learnings') as HTMLSelectElement).value).toBe('me');
    expect(screen.getByText(/Enregistré/)).toBeTruthy();
  });
});

/** Each typed field, its author, and the part of the command it fills. */
const FIELDS = [
  { card: LearningsCard, author: 'con', testId: 'learnings-content', save: 'learnings-save' },
  { card: LearningsCard, author: 'con', testId: 'learnings-process', save: 'learnings-save' },
  { card: ActionPlanCard, author: 'cli', testId: 'plan-first-step', save: 'plan-save' },
  { card: PreviousPlanCard, author: 'con', testId: 'debrief-tried', save: 'debrief-save' },
  { card: PreviousPlanCard, author: 'con', testId: 'debrief-worked', save: 'debrief-save' },
  { card: PreviousPlanCard, author: 'con', testId: 'debrief-didnotwork', save: 'debrief-save' },
  { card: EvaluationCard, author: 'obs', testId: 'evaluation-comment', save: 'evaluation-save' },
  { card: ObserverGridCard, author: 'obs', testId: 'grid-comment', save: 'grid-save' },
  { card: ContractCard, author: 'cli', testId: 'contract-request', save: 'contract-save' },
] as const;

describe('each field stops where the domain and the protocol stop', () => {
  it.each(FIELDS)('$testId', async ({ card, author, testId, save }) => {
    const sent = await show(card, consulting(), author);
    const limit = field(testId).maxLength;
    expect(limit).toBeGreaterThan(0);
    type(testId, 'x'.repeat(limit));
    fireEvent.click(screen.getByTestId(save));
    const atLimit = sent[0]!;
    expect(decide(consulting(), atLimit, author, T0).ok).toBe(true);
    expect(commandSchema.safeParse(atLimit).success).toBe(true);
    // One character more, in the same part of the same command: both ends refuse it.
    const beyond = Object.fromEntries(
      Object.entries(atLimit).map(([key, value]) => [
        key,
        value === 'x'.repeat(limit) ? 'x'.repeat(limit + 1) : value,
      ]),
    ) as Command;
    expect(beyond).not.toEqual(atLimit);
    expect(decide(consulting(), beyond, author, T0)).toEqual({
      ok: false,
      reason: Rejection.invalidText,
    });
    expect(commandSchema.safeParse(beyond).success).toBe(false);
  });

  it('the limits are the domain’s: a page for a debrief or learnings, a few lines otherwise', async () => {
    await show(PreviousPlanCard, consulting(), 'con');
    expect(field('debrief-tried').maxLength).toBe(LIMITS.longTextMaxChars);
    await show(ContractCard, consulting(), 'cli');
    expect(field('contract-request').maxLength).toBe(LIMITS.shortTextMaxChars);
  });
});
