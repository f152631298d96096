import { addressResponseSchema } from '@cercle/protocol';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Shown while the socket keeps failing before any view: when the server is published under another
 * address, its origin check refuses this page's socket, and reconnecting can never help. The person
 * is given the same page at the published address, with the secret this page was opened with in
 * its fragment again (it was taken out of the address bar; another origin cannot read this one's
 * storage).
 */
export function WrongAddressHint({ fragment }: { fragment: string }) {
  const { t } = useI18n();
  const [publicUrl, setPublicUrl] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void fetch('/api/address')
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => {
        const parsed = addressResponseSchema.safeParse(body);
        if (isCurrent && parsed.success) setPublicUrl(parsed.data.publicUrl);
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  if (!publicUrl) return null;
  const published = new URL(publicUrl);
  if (published.origin === window.location.origin) return null;
  const here = `${published.origin}${window.location.pathname}${window.location.search}#${fragment}`;
  return (
    <p className="card error" role="alert" data-testid="wrong-address">
      {t.wrongAddress.explain(window.location.host)}{' '}
      <a href={here}>{t.wrongAddress.open(published.host)}</a>
    </p>
  );
}
