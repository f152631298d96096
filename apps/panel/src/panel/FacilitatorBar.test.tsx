import { type Command, type SessionState, viewFor } from '@cercle/domain';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n.tsx';
import { makeSession, run, T0 } from '../testing/builders.ts';
import { FacilitatorBar } from './FacilitatorBar.tsx';

afterEach(cleanup);

function showBar(state: SessionState, myId = 'fac') {
  const sent: Command[] = [];
  render(
    <I18nProvider initial="fr">
      <FacilitatorBar
        view={viewFor(state, myId)}
        myId={myId}
        serverNow={() => T0 + 2000}
        send={(command) => sent.push(command)}
      />
    </I18nProvider>,
  );
  return sent;
}

const started = () =>
  run(run(makeSession([{ id: 'con', name: 'Dan' }]), 'fac', { type: 'startSession' }, T0), 'fac', {
    type: 'goToStage',
    fromIndex: 0,
    toIndex: 1,
  });

describe('FacilitatorBar', () => {
  it('is a labelled region that starts the session before it starts', () => {
    const sent = showBar(makeSession());
    const bar = screen.getByRole('region', { name: 'Commandes de l’animateur' });
    fireEvent.click(within(bar).getByRole('button', { name: 'Démarrer la séance' }));
    expect(sent).toEqual([{ type: 'startSession' }]);
    expect(within(bar).queryByRole('button', { name: 'Étape suivante' })).toBeNull();
  });

  it('names the stage, its time, and starts the timer, undoes and moves on', () => {
    const sent = showBar(started());
    const bar = screen.getByRole('region', { name: 'Commandes de l’animateur' });
    expect(bar.textContent).toContain('Étape 2 sur 11');
    expect(bar.textContent).toContain('Retour du client précédent');
    expect(within(bar).getByRole('timer').textContent).toBe('10:00');
    fireEvent.click(within(bar).getByRole('button', { name: 'Démarrer' }));
    fireEvent.click(within(bar).getByRole('button', { name: 'Annuler : revenir à « Inclusion »' }));
    fireEvent.click(within(bar).getByRole('button', { name: 'Étape suivante' }));
    expect(sent).toEqual([
      { type: 'startTimer' },
      { type: 'undoStageChange', fromIndex: 1 },
      { type: 'goToStage', fromIndex: 1, toIndex: 2 },
    ]);
  });

  it('keeps undo in its place, unavailable, while there is nothing to undo', () => {
    showBar(run(makeSession(), 'fac', { type: 'startSession' }, T0));
    const undo = screen.getByRole('button', { name: 'Annuler le dernier changement d’étape' });
    expect((undo as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers the end of the session, confirmed, in place of next at the last stage', () => {
    const last = run(run(makeSession(), 'fac', { type: 'startSession' }, T0), 'fac', {
      type: 'goToStage',
      fromIndex: 0,
      toIndex: 10,
    });
    const sent = showBar(last);
    expect(screen.queryByRole('button', { name: 'Étape suivante' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Terminer la séance' }));
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(sent).toEqual([{ type: 'endSession' }]);
  });

  it('is nobody else’s', () => {
    showBar(started(), 'con');
    expect(screen.queryByRole('region')).toBeNull();
  });
});
