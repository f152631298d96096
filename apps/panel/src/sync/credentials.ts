import { idSchema, tokenSchema } from '@cercle/protocol';
import { z } from 'zod';
import { deviceStorage } from '../ui/deviceStorage.ts';

const storedSchema = z.object({ token: tokenSchema, personId: idSchema.nullable() });
export type StoredCredentials = z.infer<typeof storedSchema>;

const key = (sessionId: string) => `cercle:session:${sessionId}`;

/** The person's own credential for a session, kept on this device. */
export function loadCredentials(sessionId: string): StoredCredentials | null {
  try {
    const raw = deviceStorage().getItem(key(sessionId));
    const parsed = storedSchema.safeParse(raw ? JSON.parse(raw) : null);
    return parsed.success ? parsed.data : null;
  } catch {
    // Not JSON: a value this panel did not write.
    return null;
  }
}

export function saveCredentials(sessionId: string, credentials: StoredCredentials): void {
  deviceStorage().setItem(key(sessionId), JSON.stringify(credentials));
}

const stageKey = (sessionId: string) => `cercle:stage:${sessionId}`;

/** The capability to show a session on a shared screen, kept so that a reload still shows it. */
export function loadStageToken(sessionId: string): string | null {
  const raw = deviceStorage().getItem(stageKey(sessionId));
  return raw && tokenSchema.safeParse(raw).success ? raw : null;
}

export function saveStageToken(sessionId: string, token: string): void {
  deviceStorage().setItem(stageKey(sessionId), token);
}
