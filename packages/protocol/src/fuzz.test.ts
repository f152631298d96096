import { mulberry32 } from '@cercle/domain/testing/prng';
import { describe, expect, it } from 'vitest';
import { clientMessageSchema } from './messages.ts';
import { parseClientMessage } from './parse.ts';

const VALID = [
  { type: 'hello', protocol: 1, sessionId: 's1', token: 'a'.repeat(43), lastSeq: 3 },
  { type: 'command', commandId: 'c1', command: { type: 'goToStage', fromIndex: 1, toIndex: 2 } },
  { type: 'command', commandId: 'c2', command: { type: 'writeNote', text: 'note' } },
  {
    type: 'command',
    commandId: 'c3',
    command: { type: 'assignRole', personId: 'p', role: 'client' },
  },
  { type: 'ping', pingId: 1, clientSentAt: 5 },
];

function randomValue(random: () => number, depth: number): unknown {
  const roll = random();
  if (depth > 4 || roll < 0.3) {
    const atoms = [
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e308,
      '',
      'x',
      'é'.repeat(3),
      '\u0000',
      'goToStage',
      'hello',
    ];
    return atoms[Math.floor(random() * atoms.length)];
  }
  if (roll < 0.6)
    return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const keys = [
    'type',
    'command',
    'commandId',
    'text',
    'fromIndex',
    'toIndex',
    'token',
    'protocol',
    'x',
  ];
  return Object.fromEntries(
    Array.from({ length: Math.floor(random() * 5) }, () => [
      keys[Math.floor(random() * keys.length)],
      randomValue(random, depth + 1),
    ]),
  );
}

function mutate(value: unknown, random: () => number): unknown {
  if (typeof value !== 'object' || value === null) return randomValue(random, 3);
  const copy: Record<string, unknown> = Array.isArray(value)
    ? { ...value }
    : { ...(value as object) };
  const keys = Object.keys(copy);
  const key = keys[Math.floor(random() * keys.length)] ?? 'type';
  const action = random();
  if (action < 0.3) delete copy[key];
  else if (action < 0.7) copy[key] = randomValue(random, 2);
  else copy[key] = mutate(copy[key], random);
  return copy;
}

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
const SEEDS = env?.SEED ? [Number(env.SEED)] : [11, 12, 13];

describe('fuzzing parseClientMessage', () => {
  it.each(SEEDS)('never throws, and accepts only schema-valid frames (seed %i)', (seed) => {
    const random = mulberry32(seed);
    for (let i = 0; i < 3000; i++) {
      const base = VALID[Math.floor(random() * VALID.length)];
      const value = random() < 0.5 ? mutate(base, random) : randomValue(random, 0);
      let frame = JSON.stringify(value) ?? 'undefined';
      if (random() < 0.1) frame = frame.slice(0, Math.floor(random() * frame.length));
      let result: ReturnType<typeof parseClientMessage>;
      try {
        result = parseClientMessage(frame);
      } catch (error) {
        throw new Error(
          `seed ${seed} frame ${i} threw: ${String(error)} on ${frame.slice(0, 200)}`,
        );
      }
      if (result.ok)
        expect(
          clientMessageSchema.safeParse(JSON.parse(frame)).success,
          `seed ${seed} frame ${i}`,
        ).toBe(true);
      else expect(['invalidJson', 'invalidFrame', 'frameTooLarge']).toContain(result.code);
    }
  });
});
