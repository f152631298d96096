import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { I18nProvider, loadMessages } from '../i18n/i18n.tsx';
import { JoinPage } from './JoinPage.tsx';

beforeAll(() => loadMessages('en'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('joining under a name someone in the session already goes by', () => {
  it('[R80] shows the way to one’s own seat or another name, and joins nobody', async () => {
    const joined: string[] = [];
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('/invitation')
        ? json(200, { groupName: 'Codev', lifecycle: 'live' })
        : json(409, { error: { code: 'nameTaken', message: 'taken' } }),
    );
    for (const locale of ['fr', 'en'] as const) {
      cleanup();
      render(
        <I18nProvider initial={locale}>
          <JoinPage sessionId="s1" joinToken="j" onJoined={(token) => joined.push(token)} />
        </I18nProvider>,
      );
      fireEvent.change(screen.getByTestId('display-name'), { target: { value: ' Dan ' } });
      fireEvent.submit(screen.getByTestId('display-name').closest('form') as HTMLFormElement);
      const taken = await screen.findByTestId('name-taken');
      expect(taken.textContent).toContain(locale === 'fr' ? '« Dan »' : '“Dan”');
      expect(taken.textContent).toContain(
        locale === 'fr' ? 'Ouvrir Cercle sur un autre appareil' : 'Open Cercle on another device',
      );
    }
    expect(joined).toEqual([]);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('cercle:session:'))).toEqual([]);
  });
});
