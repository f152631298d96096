import { createHash } from 'node:crypto';
import { createAesCodec, type DataKey, type PayloadCodec } from '@cercle/storage';

const DERIVED_KEY_ID = 'zoomapp';

/**
 * Seals what Cercle keeps of Zoom's secrets (OAuth tokens, PKCE verifiers) before the store sees
 * them. With DATA_ENCRYPTION_KEY, its keys seal (and rotate) them like every stored text; without
 * it, a key derived from the app's client secret does, so a token is never stored as Zoom gave it.
 */
export function createZoomSeal(dataKeys: readonly DataKey[], clientSecret: string): PayloadCodec {
  // A key of its own, derived, so this never reads as the context's or the tickets' key.
  const derived = createHash('sha256').update(`cercle-zoom-seal:${clientSecret}`).digest();
  const keys = dataKeys.some((k) => k.id === DERIVED_KEY_ID)
    ? dataKeys
    : [...dataKeys, { id: DERIVED_KEY_ID, key: derived }];
  return createAesCodec(keys);
}
