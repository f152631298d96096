import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How stored texts are written and read back: as they are, or encrypted at rest. */
export interface PayloadCodec {
  encode(plaintext: string): string;
  decode(stored: string): string;
}

export const PLAIN_CODEC: PayloadCodec = { encode: (text) => text, decode: (text) => text };

export interface DataKey {
  /** A short name stored with each payload, so old payloads find their key after a rotation. */
  readonly id: string;
  /** 32 bytes. */
  readonly key: Buffer;
}

const PREFIX = 'enc1';

/**
 * AES-256-GCM with a fresh IV per payload. The first key encrypts; every listed key decrypts, so
 * a new key can be put first while the old ones still read what they wrote. Payloads written
 * before encryption was turned on are read as they are.
 */
export function createAesCodec(keys: readonly DataKey[]): PayloadCodec {
  const [current] = keys;
  if (!current) throw new Error('at least one data key is needed');
  for (const { id, key } of keys) {
    if (key.length !== 32) throw new Error(`data key ${id} must be 32 bytes`);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id))
      throw new Error(`data key id ${id} must be short and plain`);
  }
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    encode(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64'));
      return [PREFIX, current.id, ...parts].join(':');
    },
    decode(stored) {
      if (!stored.startsWith(`${PREFIX}:`)) return stored;
      const [, id, iv, ciphertext, tag] = stored.split(':');
      const key = id ? byId.get(id) : undefined;
      if (!key || !iv || !ciphertext || !tag)
        throw new Error(`no data key "${id}" to read a stored payload`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/** Parses `id:base64key[,id:base64key…]`, the form DATA_ENCRYPTION_KEY takes. */
export function parseDataKeys(value: string): DataKey[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, material] = entry.split(':');
      if (!id || !material) throw new Error('DATA_ENCRYPTION_KEY entries look like id:base64key');
      return { id, key: Buffer.from(material, 'base64') };
    });
}
