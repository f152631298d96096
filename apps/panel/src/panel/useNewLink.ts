import { useState } from 'react';
import { authorizedFetch } from '../ui/api.ts';

/**
 * A link the server makes when asked (a POST to `path`): the last one made, and whether asking is
 * under way or failed. `read` takes the link out of the answer, or null when it is not one.
 */
export function useNewLink(path: string, token: string, read: (body: unknown) => string | null) {
  const [link, setLink] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const ask = async () => {
    setState('busy');
    const response = await authorizedFetch(path, token, { method: 'POST' });
    const body = await response?.json().catch(() => null);
    const made = response?.ok ? read(body) : null;
    if (made === null) {
      setState('failed');
      return;
    }
    setLink(made);
    setState('idle');
  };
  return { link, state, ask };
}
