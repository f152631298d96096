import { describe, expect, it } from 'vitest';
// The panel resolves `zod` to zodOnMini.ts; `zod/v4` is classic zod, as the server runs it.
import { z } from 'zod';
import { z as classic } from 'zod/v4';
import { z as lite } from './zodOnMini.ts';

const SAMPLES: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  3,
  42,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  '',
  'a',
  'abc',
  'ABC-12',
  'https://example.org/x',
  'ftp://example.org',
  'not a url',
  [],
  ['a'],
  ['a', 'b', 'c', 'd'],
  {},
  { type: 'a', n: 1 },
  { type: 'b', s: 'x' },
  { type: 'a', n: -1, extra: true },
  { k: 'v', t: 1 },
];

// Each pair is one schema written once and built by both implementations.
type Zod = typeof lite;
const CASES: Record<string, (zod: Zod) => { safeParse(value: unknown): unknown }> = {
  'string min max': (zod) => zod.string().min(1).max(3),
  'string regex': (zod) => zod.string().regex(/^[A-Z0-9-]+$/, 'letters'),
  'string url, length': (zod) => zod.string().url().max(30),
  'top-level url with protocol': (zod) => zod.url({ protocol: /^https?$/ }),
  'string startsWith': (zod) => zod.string().startsWith('ab'),
  'string refine': (zod) => zod.string().refine((value) => value !== 'abc', { message: 'not abc' }),
  'number int nonnegative max': (zod) => zod.number().int().nonnegative().max(40),
  'number positive finite': (zod) => zod.number().positive().finite(),
  'number min': (zod) => zod.number().min(2),
  'nullable optional nullish': (zod) =>
    zod.object({
      a: zod.string().nullable(),
      b: zod.number().optional(),
      c: zod.string().nullish(),
    }),
  'array of, max length': (zod) => zod.string().array().max(3),
  'array min': (zod) => zod.array(zod.string()).min(1),
  'length exactly': (zod) => zod.string().length(3),
  'enum and record': (zod) =>
    zod.record(zod.enum(['k', 't']), zod.union([zod.string(), zod.number()])),
  'partial record': (zod) => zod.partialRecord(zod.enum(['k', 't']), zod.string()),
  'discriminated union of extended objects': (zod) => {
    const base = zod.object({ type: zod.literal('a') });
    return zod.discriminatedUnion('type', [
      base.extend({ n: zod.number().int().nonnegative() }),
      zod.object({ type: zod.literal('b'), s: zod.string() }),
    ]);
  },
  'object refine': (zod) =>
    zod.object({ n: zod.number() }).refine((value) => value.n < 10, 'small'),
  'transform after parse': (zod) => zod.string().transform((value) => value.length),
  'boolean and literal': (zod) => zod.union([zod.boolean(), zod.literal(3)]),
};

function outcome(schema: { safeParse(value: unknown): unknown }, value: unknown) {
  const result = schema.safeParse(value) as
    | { success: true; data: unknown }
    | { success: false; error: { issues: { path: PropertyKey[]; code: string }[] } };
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, issues: result.error.issues.map((i) => [i.path.join('.'), i.code]) };
}

describe('zod on zod/mini, as the panel ships it', () => {
  it('is what `zod` means in the panel: no JSON Schema generator, no classic methods', () => {
    expect(z).toBe(lite);
    expect('toJSONSchema' in z.string()).toBe(false);
  });

  for (const [name, build] of Object.entries(CASES))
    it(`accepts and refuses as classic zod does: ${name}`, () => {
      const mine = build(lite);
      const theirs = build(classic);
      for (const value of SAMPLES) expect(outcome(mine, value)).toEqual(outcome(theirs, value));
    });
});
