import { type Command, type SessionState, viewFor } from '@cercle/domain';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider, loadPageMessages } from '../../i18n/i18n.tsx';
import { makeSession, run } from '../../testing/builders.ts';
import { Roster } from '../Roster.tsx';
import { EthicsCard } from './EthicsCard.tsx';

beforeAll(() => loadPageMessages('fr'));
afterEach(cleanup);

const first = makeSession([
  { id: 'kim', name: 'Kim' },
  { id: 'bo', name: 'Bo' },
]);

async function show(state: SessionState, myId: string): Promise<Command[]> {
  const sent: Command[] = [];
  await act(async () => {
    render(
      <I18nProvider initial="fr">
        <Suspense fallback={null}>
          <EthicsCard
            view={viewFor(state, myId)}
            myId={myId}
            send={(command) => sent.push(command)}
          />
          <Roster view={viewFor(state, myId)} myId={myId} isFacilitator={false} send={() => {}} />
        </Suspense>
      </I18nProvider>,
    );
  });
  return sent;
}

describe('[R90] the code of ethics card', () => {
  it('shows the principles in the group’s first session, and each person accepts', async () => {
    const sent = await show(first, 'kim');
    expect(screen.getByTestId('ethics').textContent).toContain('Confidentialité');
    fireEvent.click(screen.getByTestId('accept-ethics'));
    expect(sent).toEqual([{ type: 'acceptEthics' }]);
    expect(screen.queryByTestId('ethics-pending')).toBeNull();
  });

  it('the facilitator sees who has not accepted yet; the roster shows who has', async () => {
    const state = run(first, 'kim', { type: 'acceptEthics' });
    await show(state, 'fac');
    expect(screen.getByTestId('ethics-pending').textContent).toBe(
      'Pas encore acceptée par\u00a0: Awa, Bo',
    );
    expect(screen.getAllByTestId('ethics-mark')).toHaveLength(1);
    expect(screen.getAllByTestId('roster-person')[1]?.textContent).toContain('charte acceptée');
  });

  it('once accepted, it says so instead of asking again', async () => {
    await show(run(first, 'kim', { type: 'acceptEthics' }), 'kim');
    expect(screen.getByTestId('ethics-accepted')).toBeTruthy();
    expect(screen.queryByTestId('accept-ethics')).toBeNull();
  });

  it('in a later session it comes back only while someone has not accepted', async () => {
    const later: SessionState = {
      ...first,
      id: 'session2',
      ethicsAcceptedIds: ['fac', 'kim', 'bo'],
    };
    await show(later, 'kim');
    expect(screen.queryByTestId('ethics')).toBeNull();
    cleanup();
    await show({ ...later, ethicsAcceptedIds: ['fac', 'kim'] }, 'fac');
    expect(screen.getByTestId('ethics-pending').textContent).toContain('Bo');
  });
});
