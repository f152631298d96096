import { deviceLinkResponseSchema } from '@cercle/protocol';
import { useState } from 'react';
import { usePageMessages } from '../i18n/i18n.tsx';
import { authorizedFetch } from '../ui/api.ts';
import { LinkField } from './LinkField.tsx';

/**
 * A link that opens this person's own seat on another device (a facilitator moving to a laptop, a
 * second screen). It is a key to the seat: said so, and made only when asked.
 */
export function OtherDeviceLink({ sessionId, token }: { sessionId: string; token: string }) {
  const pages = usePageMessages();
  const d = pages.otherDevice;
  const [link, setLink] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  const make = async () => {
    setState('busy');
    const response = await authorizedFetch(`/api/sessions/${sessionId}/device-link`, token, {
      method: 'POST',
    });
    const parsed = deviceLinkResponseSchema.safeParse(await response?.json().catch(() => null));
    if (!response?.ok || !parsed.success) {
      setState('failed');
      return;
    }
    setLink(parsed.data.url);
    setState('idle');
  };

  return (
    <details className="card other-device" data-testid="other-device">
      <summary>{d.title}</summary>
      <p>{d.intro}</p>
      {link ? (
        <LinkField
          link={link}
          label={d.label}
          copy={d.copy}
          copied={d.copied}
          testId="other-device-link"
        />
      ) : (
        <button type="button" disabled={state === 'busy'} onClick={() => void make()}>
          {d.make}
        </button>
      )}
      {state === 'failed' && (
        <p className="error" role="alert">
          {d.failed}
        </p>
      )}
    </details>
  );
}
