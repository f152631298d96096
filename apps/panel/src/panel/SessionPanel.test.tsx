import { type Command, LIMITS, type SessionState, viewFor } from '@cercle/domain';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, loadMessages, loadPageMessages } from '../i18n/i18n.tsx';
import { makeSession, run, T0 } from '../testing/builders.ts';
import { SessionPanel } from './SessionPanel.tsx';

/** How long a part the panel loads apart may take to arrive, on a busy machine. */
const LOAD_TIMEOUT_MS = 15_000;

beforeAll(async () => {
  loadMessages('en');
  await loadLazyParts();
}, 2 * LOAD_TIMEOUT_MS);
// The clocks tick by themselves; here time moves only when a test shows the panel a later time.
beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
afterEach(() => vi.useRealTimers());

const people = [
  { id: 'cli', name: 'Chloé' },
  { id: 'con', name: 'Dan' },
  { id: 'obs', name: 'Oda' },
];

function liveSession(): SessionState {
  let state = makeSession(people);
  state = run(state, 'fac', { type: 'assignRole', personId: 'cli', role: 'client' });
  state = run(state, 'fac', { type: 'assignRole', personId: 'obs', role: 'observer' });
  state = run(state, 'fac', { type: 'startSession' }, T0);
  state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 6 }, T0 + 1000);
  return state;
}

function panel(
  view: SessionState,
  myId: string,
  serverNow: number,
  locale: 'fr' | 'en',
  sent: Command[],
) {
  return (
    <I18nProvider initial={locale}>
      <SessionPanel
        view={viewFor(view, myId)}
        myId={myId}
        status="connected"
        pendingCount={0}
        notices={[]}
        serverNow={() => serverNow}
        send={(command) => sent.push(command)}
        token={'t'.repeat(20)}
        dismissNotice={() => undefined}
      />
    </I18nProvider>
  );
}

/** Renders one person's panel; `update` shows it a newer view or a later time, as the sync does. */
function mountPanel(view: SessionState, myId: string, serverNow: number, locale: 'fr' | 'en') {
  const sent: Command[] = [];
  const { rerender } = render(panel(view, myId, serverNow, locale, sent));
  const update = (next: SessionState, now: number) =>
    rerender(panel(next, myId, now, locale, sent));
  return { sent, update };
}

function renderPanel(
  view: SessionState,
  myId: string,
  serverNow = T0 + 2000,
  locale: 'fr' | 'en' = 'fr',
) {
  return mountPanel(view, myId, serverNow, locale).sent;
}

/** The facilitator's tools load apart; wait for them as a person would. */
async function facilitatorToolsLoaded() {
  await screen.findByRole('button', { name: /Étape suivante/ }, { timeout: LOAD_TIMEOUT_MS });
}

/**
 * Shows once, and waits for, what the panel loads apart (the facilitator's tools, the stage's
 * cards, their messages): every test then renders in one go, as a loaded panel does, instead of
 * racing a chunk that lands between two of its assertions.
 */
async function loadLazyParts() {
  await Promise.all([loadPageMessages('fr'), loadPageMessages('en')]);
  renderPanel(run(liveSession(), 'fac', { type: 'startTimer' }, T0 + 2000), 'fac');
  await facilitatorToolsLoaded();
  await screen.findByRole('button', { name: 'Pause' }, { timeout: LOAD_TIMEOUT_MS });
  await screen.findByTestId('turns', {}, { timeout: LOAD_TIMEOUT_MS });
  cleanup();
}

function altShift(target: Element | Document, code: string) {
  fireEvent.keyDown(target, { code, altKey: true, shiftKey: true });
}

/** The group at its first stage (the inclusion game), in each phase of the session. */
function inPhase(phase: 'scheduled' | 'live' | 'ended'): SessionState {
  let state = makeSession(people);
  state = run(state, 'fac', { type: 'assignRole', personId: 'cli', role: 'client' });
  state = run(state, 'fac', { type: 'assignRole', personId: 'obs', role: 'observer' });
  if (phase !== 'scheduled') state = run(state, 'fac', { type: 'startSession' }, T0);
  if (phase === 'ended') state = run(state, 'fac', { type: 'endSession' }, T0 + 1000);
  return state;
}

/** Controls that send a command, found as a person finds them. */
const CONTROLS = {
  startSession: () => screen.queryByRole('button', { name: 'Démarrer la séance' }),
  nextStage: () => screen.queryByRole('button', { name: /Étape suivante/ }),
  endSession: () => screen.queryByRole('button', { name: 'Terminer la séance' }),
  startTimer: () => screen.queryByRole('button', { name: 'Démarrer' }),
  editStages: () => screen.queryByRole('button', { name: 'Adapter le déroulé' }),
  launchInclusion: () => screen.queryByTestId('launch-inclusion'),
  assignRole: () => screen.queryByLabelText('Rôle de Dan'),
} as const;
type Control = keyof typeof CONTROLS;

/**
 * [R3] [R9] [R13] [R25] [R45] Which of these controls each person is offered, phase by phase,
 * written out from the rules. Nobody is offered what the domain would refuse them: the game is not
 * launched before the start; the session ends from its running controls.
 */
const OFFERED: Readonly<Record<'scheduled' | 'live' | 'ended', Record<string, Control[]>>> = {
  scheduled: {
    fac: ['startSession', 'editStages', 'assignRole'],
    cli: [],
    con: [],
    obs: [],
  },
  live: {
    fac: ['nextStage', 'endSession', 'startTimer', 'editStages', 'launchInclusion', 'assignRole'],
    cli: [],
    con: [],
    obs: [],
  },
  ended: { fac: [], cli: [], con: [], obs: [] },
};

describe('SessionPanel', () => {
  it('shows the current stage, its position and the guidance for my role', () => {
    renderPanel(liveSession(), 'cli');
    expect(screen.getByTestId('stage-title').textContent).toBe('Consultation');
    expect(screen.getByTestId('stage-position').textContent).toContain('Étape 7 sur 11');
    expect(screen.getByTestId('guidance').textContent).toContain(
      'Écoutez sans débattre, notez les suggestions.',
    );
    expect(screen.getByTestId('my-role').dataset.role).toBe('client');
    expect(screen.getByTestId('my-role').textContent).toContain('Client');
  });

  it('speaks English when asked', () => {
    renderPanel(liveSession(), 'cli', T0 + 2000, 'en');
    expect(screen.getByTestId('guidance').textContent).toContain(
      'Listen without debating, note the suggestions.',
    );
    expect(screen.getByTestId('my-role').textContent).toContain('You are');
  });

  it.each(
    (['scheduled', 'live', 'ended'] as const).flatMap((phase) =>
      ['fac', 'cli', 'con', 'obs'].map((id) => [phase, id] as const),
    ),
  )('offers in a %s session to %s only the controls the domain would accept', (phase, id) => {
    renderPanel(inPhase(phase), id);
    const offered = (Object.keys(CONTROLS) as Control[]).filter((c) => CONTROLS[c]() !== null);
    expect(offered).toEqual(OFFERED[phase][id]);
  });

  it('keeps a person’s notes open to them in every phase', () => {
    for (const phase of ['scheduled', 'live', 'ended'] as const) {
      renderPanel(inPhase(phase), 'con');
      const notes = screen.getAllByTestId('notes').at(-1) as HTMLTextAreaElement;
      expect(notes.readOnly).toBe(false);
      expect(notes.maxLength).toBe(LIMITS.noteMaxChars);
    }
  });

  it('gives the facilitator the controls and nobody else', async () => {
    renderPanel(liveSession(), 'fac');
    await facilitatorToolsLoaded();
    expect(screen.getByRole('button', { name: 'Démarrer' })).toBeTruthy();
    screen.getAllByRole('combobox');
  });

  it.each(['cli', 'con', 'obs'])('hides the facilitator controls from %s', (id) => {
    renderPanel(liveSession(), id);
    expect(screen.queryByRole('button', { name: /Étape suivante/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Démarrer' })).toBeNull();
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
  });

  it('moves to the next stage from the stage it sees, and offers to undo', async () => {
    const sent = renderPanel(liveSession(), 'fac');
    await facilitatorToolsLoaded();
    fireEvent.click(screen.getByRole('button', { name: /Étape suivante/ }));
    expect(sent).toEqual([{ type: 'goToStage', fromIndex: 6, toIndex: 7 }]);
    fireEvent.click(screen.getByRole('button', { name: /Annuler : revenir à « Inclusion »/ }));
    expect(sent[1]).toEqual({ type: 'undoStageChange', fromIndex: 6 });
  });

  it('assigns roles from the roster', () => {
    const sent = renderPanel(liveSession(), 'fac');
    fireEvent.change(screen.getByLabelText('Rôle de Dan'), { target: { value: 'client' } });
    expect(sent).toEqual([{ type: 'assignRole', personId: 'con', role: 'client' }]);
  });

  it('asks before ending the session', async () => {
    const sent = renderPanel(liveSession(), 'fac');
    await facilitatorToolsLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Terminer la séance' }));
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(sent).toEqual([{ type: 'endSession' }]);
  });

  it('shows the timer counting down, in its last minute, and in overtime', () => {
    const running = run(liveSession(), 'fac', { type: 'startTimer' }, T0 + 2000);
    const endsAt = running.timer.status === 'running' ? running.timer.endsAt : 0;
    renderPanel(running, 'con', endsAt - 125_000);
    expect(screen.getByTestId('timer').textContent).toBe('2:05');
    expect(screen.getByTestId('timer').dataset.tone).toBe('normal');
    renderPanel(running, 'obs', endsAt - 30_000);
    expect(screen.getAllByTestId('timer')[1]?.dataset.tone).toBe('lastMinute');
    renderPanel(running, 'cli', endsAt + 90_000);
    const overtime = screen.getAllByTestId('timer')[2]!;
    expect(overtime.textContent).toBe('−1:30');
    expect(overtime.dataset.tone).toBe('overtime');
    expect(screen.getAllByTestId('timer-status')[2]?.textContent).toBe('Dépassement');
  });

  it("labels the observer's notes as private and shows who is here", () => {
    renderPanel(liveSession(), 'obs');
    expect(screen.getByText('Visibles uniquement par vous')).toBeTruthy();
    const roster = screen.getByTestId('roster');
    expect(within(roster).getAllByTestId('roster-person')).toHaveLength(4);
    expect(within(roster).getByText('Oda').parentElement?.textContent).toContain('(vous)');
  });

  it('proposes to rebalance the stages ahead when the group runs late', async () => {
    let state = run(makeSession(people), 'fac', { type: 'startSession' }, T0);
    state = run(state, 'fac', { type: 'startTimer' }, T0);
    // Inclusion planned for 5 minutes, still going after 15.
    const sent = renderPanel(state, 'fac', T0 + 15 * 60_000);
    expect(await screen.findByText('10 min de retard')).toBeTruthy();
    fireEvent.click(
      within(screen.getByTestId('rebalance')).getByRole('button', { name: 'Appliquer' }),
    );
    expect(sent[0]?.type).toBe('setStageDurations');
  });

  it('lets the facilitator drive by keyboard, shows the keys, and never fires while typing', async () => {
    const sent = renderPanel(liveSession(), 'fac');
    await facilitatorToolsLoaded();
    const next = screen.getByRole('button', { name: /Étape suivante/ });
    expect(next.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+N');
    expect(next.getAttribute('title')).toBe('Étape suivante (Alt+Maj+N)');

    altShift(screen.getByTestId('notes'), 'KeyN');
    altShift(screen.getByLabelText('Rôle de Dan'), 'KeyS');
    expect(sent).toEqual([]);

    altShift(document.body, 'KeyN');
    altShift(next, 'KeyS');
    altShift(document.body, 'ArrowUp');
    altShift(document.body, 'KeyP');
    expect(sent).toEqual([
      { type: 'goToStage', fromIndex: 6, toIndex: 7 },
      { type: 'startTimer' },
      { type: 'adjustTimer', deltaMs: 60_000 },
      { type: 'goToStage', fromIndex: 6, toIndex: 5 },
    ]);
  });

  it('gives no shortcut to anyone but the facilitator', () => {
    const sent = renderPanel(liveSession(), 'con');
    altShift(document.body, 'KeyN');
    expect(sent).toEqual([]);
  });

  it('announces a stage change once and the last minute once, politely', async () => {
    const live = liveSession();
    const panel = mountPanel(live, 'con', T0 + 2000, 'fr');
    const announcer = screen.getByTestId('announcer');
    expect(announcer.getAttribute('aria-live')).toBe('polite');
    expect(announcer.textContent).toBe('');

    // The synthesis: five minutes (a stage with none counts up and has no last minute, [R70]).
    const moved = run(live, 'fac', { type: 'goToStage', fromIndex: 6, toIndex: 8 }, T0 + 3000);
    panel.update(moved, T0 + 3000);
    expect(announcer.textContent).toBe(
      'Étape 9 sur 11 : Synthèse et plan d’action. Parole au client.',
    );

    const running = run(moved, 'fac', { type: 'startTimer' }, T0 + 4000);
    const endsAt = running.timer.status === 'running' ? running.timer.endsAt : 0;
    for (let now = endsAt - 62_000; now < endsAt - 55_000; now += 250) panel.update(running, now);
    expect(announcer.textContent).toBe('Plus qu’une minute pour « Synthèse et plan d’action ».');
    expect(announcer.querySelectorAll('p')).toHaveLength(1);
  });

  it('pulses the facilitator’s timer at time up unless this device switched the cue off', async () => {
    const running = run(liveSession(), 'fac', { type: 'startTimer' }, T0 + 2000);
    const endsAt = running.timer.status === 'running' ? running.timer.endsAt : 0;
    const panel = mountPanel(running, 'fac', endsAt - 1000, 'fr');
    await facilitatorToolsLoaded();
    panel.update(running, endsAt + 250);
    expect(screen.getByTestId('timer-box').dataset.cue).toBe('pulse');
    expect(screen.getByTestId('announcer').textContent).toContain('Temps écoulé');

    act(() => {
      fireEvent.click(screen.getByTestId('cues'));
    });
    expect((screen.getByTestId('cues') as HTMLInputElement).checked).toBe(false);
    expect(localStorage.getItem('cercle:cues')).toBe('off');
    expect(screen.getByTestId('timer-box').dataset.cue).toBeUndefined();
  });
});
