import { REMOTE_TWO_HOURS, type SessionState, viewFor } from '@cercle/domain';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n.tsx';
import { makeSession, run, T0 } from '../testing/builders.ts';
import { CaseHeader, isCaseStage } from './CaseHeader.tsx';

afterEach(cleanup);

const people = [
  { id: 'cli', name: 'Chloé' },
  { id: 'con', name: 'Dan' },
  { id: 'obs', name: 'Oda' },
];

/** A live session whose group chose Chloé's project, now at the stage of that index. */
function atStage(index: number): SessionState {
  let state = makeSession(people);
  state = run(state, 'fac', { type: 'assignRole', personId: 'obs', role: 'observer' });
  state = run(state, 'fac', { type: 'startSession' }, T0);
  state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 2 }, T0);
  state = run(state, 'cli', {
    type: 'proposeCase',
    kind: 'project',
    title: 'Un agent en retrait',
    summary: '',
  });
  const caseId = state.cases[0]?.id ?? '';
  state = run(state, 'fac', { type: 'chooseCase', caseId });
  return index === 2
    ? state
    : run(state, 'fac', { type: 'goToStage', fromIndex: 2, toIndex: index }, T0);
}

describe('CaseHeader', () => {
  it('keeps the case in sight from the exposé to the synthesis, and only then', () => {
    const shown = REMOTE_TWO_HOURS.stages.filter((s) => isCaseStage(s.key)).map((s) => s.key);
    expect(shown).toEqual([
      'expose',
      'clarification',
      'contract',
      'consultation',
      'break',
      'synthesis',
    ]);
    expect(isCaseStage('custom-1')).toBe(false);
  });

  it.each(['fac', 'cli', 'con', 'obs'])(
    'shows %s which P, the title and the client, at the consultation',
    (id) => {
      render(
        <I18nProvider initial="fr">
          <CaseHeader view={viewFor(atStage(6), id)} />
        </I18nProvider>,
      );
      const header = screen.getByTestId('case-header');
      expect(header.textContent).toBe(
        'Sujet de la consultation\u00a0: Projet Un agent en retrait Client\u00a0: Chloé',
      );
    },
  );

  it('stays out of the stages before the choice and after the synthesis', () => {
    for (const index of [2, 9, 10]) {
      render(
        <I18nProvider initial="fr">
          <CaseHeader view={viewFor(atStage(index), 'con')} />
        </I18nProvider>,
      );
      expect(screen.queryByTestId('case-header')).toBeNull();
      cleanup();
    }
  });
});
