import {
  apply,
  CLASSIC_SIX_STEPS,
  type Command,
  REMOTE_TWO_HOURS,
  type SessionState,
  viewFor,
} from '@cercle/domain';
import { makeConsultingSession } from '@cercle/domain/testing/contentSamples';
import { act, cleanup, render } from '@testing-library/react';
import { Suspense } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider, loadPageMessages } from '../../i18n/i18n.tsx';
import { run } from '../../testing/builders.ts';
import { StageContent } from './StageContent.tsx';

beforeAll(() => loadPageMessages('fr'));

/** The cards one person sees below the timer, by their test ids, in order. */
async function cardsSeen(state: SessionState, myId: string): Promise<(string | null)[]> {
  cleanup();
  let container: HTMLElement | undefined;
  await act(async () => {
    container = render(
      <I18nProvider initial="fr">
        <Suspense fallback={null}>
          <StageContent
            view={viewFor(state, myId)}
            myId={myId}
            send={() => undefined}
            token={'t'.repeat(20)}
          />
        </Suspense>
      </I18nProvider>,
    ).container;
  });
  return Array.from(container?.children ?? [], (card) => card.getAttribute('data-testid'));
}

/** The consulting session (a case chosen, `cli` its client, `con` the previous one) at a stage. */
function atStage(key: string, state: SessionState = makeConsultingSession()): SessionState {
  const toIndex = state.stages.findIndex((stage) => stage.key === key);
  if (toIndex < 0) throw new Error(`no stage ${key}`);
  if (toIndex === state.currentStageIndex) return state;
  const move: Command = { type: 'goToStage', fromIndex: state.currentStageIndex, toIndex };
  return run(state, 'fac', move);
}

/** The same group, run on the classic template, live at its regulation stage. */
function classicAt(key: string): SessionState {
  const base = makeConsultingSession();
  return atStage(key, { ...base, stages: CLASSIC_SIX_STEPS.stages, currentStageIndex: 0 });
}

describe('[R25]–[R35] each stage shows its cards, written out stage by stage', () => {
  // biome-ignore format: a table reads in columns
  const EXPECTED: readonly (readonly [stage: string, person: string, cards: readonly string[]])[] = [
    ['inclusion',       'con', ['ethics', 'inclusion']],
    ['previousDebrief', 'con', ['previous-plan']],
    ['subjectChoice',   'con', ['cases']],
    ['expose',          'con', ['contract', 'turns']],
    ['clarification',   'con', ['contract', 'turns', 'questions']],
    ['contract',        'con', ['contract']],
    ['consultation',    'con', ['contract', 'turns', 'board']],
    ['break',           'con', []],
    ['synthesis',       'con', ['plan', 'learnings']],
    ['synthesis',       'cli', ['plan', 'client-sort']],
    ['learnings',       'con', ['learnings', 'evaluation']],
    ['learnings',       'obs', ['learnings', 'evaluation', 'observer-grid', 'stage-notes-card']],
    ['conclusion',      'con', ['what-next']],
  ];

  it.each(EXPECTED)('%s, for %s', async (stage, person, cards) => {
    expect(await cardsSeen(atStage(stage), person)).toEqual(cards);
  });

  it('the classic template’s regulation closes as the learnings stage does', async () => {
    expect(await cardsSeen(classicAt('regulation'), 'obs')).toEqual([
      'learnings',
      'evaluation',
      'observer-grid',
      'stage-notes-card',
    ]);
  });

  it('[R64] before the start, the subjects proposed come first, to propose one in advance', async () => {
    const scheduled = makeConsultingSession();
    const before = { ...scheduled, lifecycle: 'scheduled' as const, consultations: [] };
    expect((await cardsSeen(before, 'con'))[0]).toBe('cases');
  });

  it('[R61] [R62] in consultation the client has their own note; the observer their notes by stage', async () => {
    expect(await cardsSeen(atStage('consultation'), 'cli')).toContain('client-note');
    expect(await cardsSeen(atStage('consultation'), 'con')).not.toContain('client-note');
    expect(await cardsSeen(atStage('consultation'), 'obs')).toContain('stage-notes-card');
    expect(await cardsSeen(atStage('consultation'), 'con')).not.toContain('stage-notes-card');
  });

  it('a stage the facilitator added shows no card of the method', async () => {
    const base = makeConsultingSession();
    // As the domain records a stage the facilitator adds after the current one.
    const added = apply(base, {
      type: 'stageAdded',
      atIndex: 1,
      stage: { ...base.stages[7]!, key: 'custom-1', title: { fr: 'Météo', en: 'Weather' } },
    });
    const state = run(added, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 });
    expect(state.stages[1]?.key).toBe('custom-1');
    expect(await cardsSeen(state, 'con')).toEqual([]);
  });

  it('once the session is over, the closing texts stay open and the next steps come', async () => {
    const ended = run(atStage('consultation'), 'fac', { type: 'endSession' });
    expect(await cardsSeen(ended, 'con')).toEqual(['learnings', 'evaluation', 'what-next']);
  });

  it('covers every stage of both templates', () => {
    const keys = new Set(
      [...REMOTE_TWO_HOURS.stages, ...CLASSIC_SIX_STEPS.stages].map((s) => s.key),
    );
    const tested = new Set([...EXPECTED.map(([stage]) => stage), 'regulation']);
    expect([...keys].filter((key) => !tested.has(key))).toEqual([]);
  });
});
