import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAesCodec, parseDataKeys } from './payloadCodec.ts';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('payload codec', () => {
  it('round-trips and hides the text', () => {
    const codec = createAesCodec([k1]);
    const stored = codec.encode('note privée');
    expect(stored).not.toContain('note');
    expect(codec.decode(stored)).toBe('note privée');
    expect(codec.encode('same')).not.toBe(codec.encode('same'));
  });

  it('reads payloads of an older key after a rotation, and plain ones from before encryption', () => {
    const old = createAesCodec([k1]).encode('ancien');
    const rotated = createAesCodec([k2, k1]);
    expect(rotated.decode(old)).toBe('ancien');
    expect(rotated.encode('nouveau').startsWith('enc1:k2:')).toBe(true);
    expect(rotated.decode('{"plain":true}')).toBe('{"plain":true}');
  });

  it('refuses a tampered payload or a missing key', () => {
    const codec = createAesCodec([k1]);
    const stored = codec.encode('texte');
    const parts = stored.split(':');
    parts[3] = Buffer.from('autre texte').toString('base64');
    expect(() => codec.decode(parts.join(':'))).toThrow();
    expect(() => createAesCodec([k2]).decode(stored)).toThrow(/no data key "k1"/);
  });

  it('parses the environment form and checks key sizes', () => {
    const keys = parseDataKeys(`k2:${k2.key.toString('base64')}, k1:${k1.key.toString('base64')}`);
    expect(keys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(() => createAesCodec([{ id: 'short', key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => parseDataKeys('nokey')).toThrow();
  });
});
