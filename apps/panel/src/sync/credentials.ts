import { idSchema, tokenSchema } from '@cercle/protocol';
import { z } from 'zod';

const storedSchema = z.object({ token: tokenSchema, personId: idSchema.nullable() });
export type StoredCredentials = z.infer<typeof storedSchema>;

const key = (sessionId: string) => `cercle:session:${sessionId}`;

/** The person's own credential for a session, kept on this device. */
export function loadCredentials(sessionId: string): StoredCredentials | null {
  try {
    const raw = localStorage.getItem(key(sessionId));
    const parsed = storedSchema.safeParse(raw ? JSON.parse(raw) : null);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveCredentials(sessionId: string, credentials: StoredCredentials): void {
  try {
    localStorage.setItem(key(sessionId), JSON.stringify(credentials));
  } catch {
    // Private mode without storage: the panel still works until the tab closes.
  }
}
