import { type Command, viewFor } from '@cercle/domain';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider, loadMessages } from '../i18n/i18n.tsx';
import { makeSession, run } from '../testing/builders.ts';
import { Roster } from './Roster.tsx';

beforeAll(() => loadMessages('en'));
afterEach(cleanup);

const state = run(
  makeSession([
    { id: 'kim', name: 'Kim' },
    { id: 'bo', name: 'Bo' },
  ]),
  'fac',
  { type: 'assignRole', personId: 'bo', role: 'client' },
);

function roster(myId: string, locale: 'fr' | 'en', view = state) {
  const sent: Command[] = [];
  render(
    <I18nProvider initial={locale}>
      <Roster
        view={viewFor(view, myId)}
        myId={myId}
        isFacilitator={myId === 'fac'}
        send={(command) => sent.push(command)}
      />
    </I18nProvider>,
  );
  return sent;
}

const rowOf = (name: string) =>
  screen.getAllByTestId('roster-person').find((row) => row.textContent?.includes(name)) as
    | HTMLElement
    | undefined;

describe('[R49] the facilitator removes someone from the roster, after a confirmation', () => {
  it('asks first, in French, then sends the removal of that person only', () => {
    const sent = roster('fac', 'fr');
    const kim = rowOf('Kim');
    if (!kim) throw new Error('no row for Kim');
    fireEvent.click(within(kim).getByRole('button', { name: 'Retirer de la séance' }));
    expect(sent).toEqual([]);
    expect(within(kim).getByText(/Retirer Kim de la séance/)).toBeTruthy();
    fireEvent.click(within(kim).getByRole('button', { name: 'Confirmer' }));
    expect(sent).toEqual([{ type: 'removePerson', personId: 'kim' }]);
  });

  it('in English too, and a cancelled question sends nothing', () => {
    const sent = roster('fac', 'en');
    const bo = rowOf('Bo');
    if (!bo) throw new Error('no row for Bo');
    fireEvent.click(within(bo).getByRole('button', { name: 'Remove from the session' }));
    fireEvent.click(within(bo).getByRole('button', { name: 'Cancel' }));
    expect(sent).toEqual([]);
  });

  it('is offered for nobody to anyone else, and never for the facilitator', () => {
    roster('kim', 'en');
    expect(screen.queryAllByRole('button', { name: 'Remove from the session' })).toEqual([]);
    cleanup();
    roster('fac', 'en');
    const awa = rowOf('Awa');
    expect(
      awa && within(awa).queryByRole('button', { name: 'Remove from the session' }),
    ).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Remove from the session' })).toHaveLength(2);
  });

  it('stays offered once the session has ended: a removed person stops reading it', () => {
    roster('fac', 'en', run(state, 'fac', { type: 'endSession' }));
    expect(screen.getAllByRole('button', { name: 'Remove from the session' })).toHaveLength(2);
  });
});
