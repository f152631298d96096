import { type SessionState, viewFor } from '@cercle/domain';
import { act, render, screen } from '@testing-library/react';
import { type ComponentProps, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n.tsx';
import type { SyncSnapshot } from '../sync/syncClient.ts';
import { makeSession, run, T0 } from '../testing/builders.ts';
import { PanelRoute } from './PanelRoute.tsx';

/** What the panel's connection gives the route: a snapshot, and the server's clock. */
const sync = vi.hoisted(() => ({ snapshot: null as SyncSnapshot | null }));
/** How many times the panel and one of its plain parts have rendered. */
const renders = vi.hoisted(() => ({ panel: 0, stageList: 0 }));

vi.mock('../sync/useSync.ts', () => ({
  useSync: () => ({
    client: {
      send: () => undefined,
      dismissNotice: () => undefined,
      serverNow: () => Date.now(),
    },
    snapshot: sync.snapshot,
  }),
}));

vi.mock('../panel/SessionPanel.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../panel/SessionPanel.tsx')>();
  return {
    ...actual,
    SessionPanel: (props: ComponentProps<typeof actual.SessionPanel>) => {
      renders.panel += 1;
      return createElement(actual.SessionPanel, props);
    },
  };
});

vi.mock('../panel/StageList.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../panel/StageList.tsx')>();
  return {
    StageList: (props: ComponentProps<typeof actual.StageList>) => {
      renders.stageList += 1;
      return createElement(actual.StageList, props);
    },
  };
});

const STARTED_AT = T0 + 2000;

/** Live at the consultation (40 minutes), its timer started at STARTED_AT. */
function runningSession(): SessionState {
  let state = makeSession([{ id: 'con', name: 'Dan' }]);
  state = run(state, 'fac', { type: 'startSession' }, T0);
  state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 6 }, T0 + 1000);
  return run(state, 'fac', { type: 'startTimer' }, STARTED_AT);
}

function connected(state: SessionState, personId: string): SyncSnapshot {
  return {
    status: 'connected',
    view: viewFor(state, personId),
    personId,
    seq: 4,
    pending: [],
    notices: [],
    failure: null,
    erasures: 0,
  } as SyncSnapshot;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(STARTED_AT);
  renders.panel = 0;
  renders.stageList = 0;
});
afterEach(() => vi.useRealTimers());

describe('PanelRoute', () => {
  it.each([
    ['consultant', 'con'],
    ['facilitator', 'fac'],
  ])('moves the %s’s clock without rendering the panel again', async (_role, personId) => {
    sync.snapshot = connected(runningSession(), personId);
    render(
      <I18nProvider initial="fr">
        <PanelRoute sessionId="session1" token={'t'.repeat(20)} />
      </I18nProvider>,
    );
    const timer = screen.getByTestId('timer');
    expect(timer.textContent).toBe('40:00');
    const settled = { ...renders };

    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000);
    });

    expect(timer.textContent).toBe('39:57');
    // Twelve ticks moved the clock; neither the panel nor a part without a clock saw them.
    expect(renders).toEqual(settled);
    expect(renders.panel).toBeGreaterThan(0);
  });
});
