import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { I18nProvider, loadMessages } from '../i18n/i18n.tsx';
import { ParticipantLinkCard } from './ParticipantLinkCard.tsx';

beforeAll(() => loadMessages('en'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The server, as far as this card sees it: every request it received, one answer for all. */
function serverAnswering(status: number, body: unknown) {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return new Response(JSON.stringify(body), { status });
  });
  return requests;
}

function card(locale: 'fr' | 'en') {
  render(
    <I18nProvider initial={locale}>
      <ParticipantLinkCard sessionId="session1" token="seat-token" />
    </I18nProvider>,
  );
}

describe('the facilitator replaces the participant link', () => {
  it('asks first, then shows the new link the server made', async () => {
    const link = 'https://cercle.test/s/session1#join=fresh';
    const requests = serverAnswering(200, { participantLink: link, expiresAt: 1_900_000_000_000 });
    card('fr');
    fireEvent.click(screen.getByRole('button', { name: 'Créer un nouveau lien' }));
    expect(requests).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(
      ((await screen.findByTestId('new-participant-link-value')) as HTMLInputElement).value,
    ).toBe(link);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('/api/sessions/session1/participant-link');
    expect(requests[0]?.init.method).toBe('POST');
    expect(new Headers(requests[0]?.init.headers).get('authorization')).toBe('Bearer seat-token');
  });

  it('says so when the server refuses', async () => {
    serverAnswering(403, { error: { code: 'forbidden', message: 'no' } });
    card('en');
    fireEvent.click(screen.getByRole('button', { name: 'Make a new link' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The link could not be replaced. Try again.',
    );
    expect(screen.queryByTestId('new-participant-link-value')).toBeNull();
  });
});
