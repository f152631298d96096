import { DEFAULT_RETENTION_DAYS } from '@cercle/protocol';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { I18nProvider, loadMessages, loadPageMessages } from '../i18n/i18n.tsx';
import { StartPage } from './StartPage.tsx';

beforeAll(async () => {
  await loadMessages('en');
  await Promise.all([loadPageMessages('fr'), loadPageMessages('en')]);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** Fills the form, creates the session, and returns the body the server received. */
async function create(locale: 'fr' | 'en', chooseRetention?: (select: HTMLSelectElement) => void) {
  const bodies: unknown[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify({ error: { code: 'internal', message: 'stop here' } }), {
      status: 500,
    });
  });
  render(
    <I18nProvider initial={locale}>
      <Suspense fallback={null}>
        <StartPage />
      </Suspense>
    </I18nProvider>,
  );
  fireEvent.change(await screen.findByTestId('group-name'), { target: { value: 'Cercle' } });
  fireEvent.change(screen.getByTestId('facilitator-name'), { target: { value: 'Awa' } });
  const select = screen.getByTestId('retention') as HTMLSelectElement;
  chooseRetention?.(select);
  fireEvent.submit(select.form as HTMLFormElement);
  await screen.findByRole('alert');
  return { body: bodies[0] as { retentionDays?: number | null }, select };
}

describe('the facilitator chooses how long the group keeps its content, at creation', () => {
  it(`a year after the cycle's last session unless they say otherwise`, async () => {
    const { body, select } = await create('fr');
    expect(body.retentionDays).toBe(DEFAULT_RETENTION_DAYS);
    expect(select.selectedOptions[0]?.textContent).toBe('12 mois après la dernière séance');
  });

  it('another length, or until someone erases it, as chosen', async () => {
    const sixMonths = await create('en', (select) =>
      fireEvent.change(select, { target: { value: '180' } }),
    );
    expect(sixMonths.body.retentionDays).toBe(180);
    cleanup();
    const kept = await create('en', (select) =>
      fireEvent.change(select, { target: { value: 'keep' } }),
    );
    expect(kept.body.retentionDays).toBeNull();
  });
});
