import type { z as classic } from 'zod';
import * as m from 'zod/mini';

/**
 * The part of zod's chained API that the protocol's schemas and the panel use, built on zod/mini.
 * The panel's bundle resolves `zod` to this module (vite.config.ts), so the schemas keep one source
 * in packages/protocol while the browser loads neither zod's JSON Schema generator nor its other
 * methods: about a fifth of the first chunk. Both run the same validation core, so a value is
 * accepted or refused alike; zodOnMini.test.ts holds the protocol's schemas to that.
 * A method missing here fails as soon as the panel loads, at the schema that calls it.
 */
type Schema = m.ZodMiniType;
type Checks = Parameters<Schema['check']>;
type Shape = NonNullable<Parameters<typeof m.object>[0]>;
type Params = { message?: string } | string | undefined;

/** Classic zod's methods, on a mini schema; each answer is chained the same way. */
function chained<T extends Schema>(schema: T): T {
  const type = schema._zod.def.type;
  const check = (...checks: Checks) => chained(schema.check(...checks));
  return Object.assign(schema, {
    optional: () => chained(m.optional(schema)),
    nullable: () => chained(m.nullable(schema)),
    nullish: () => chained(m.optional(m.nullable(schema))),
    array: () => chained(m.array(schema)),
    min: (value: number, params?: Params) =>
      check(type === 'number' ? m.gte(value, params) : m.minLength(value, params)),
    max: (value: number, params?: Params) =>
      check(type === 'number' ? m.lte(value, params) : m.maxLength(value, params)),
    length: (value: number, params?: Params) => check(m.length(value, params)),
    int: (params?: Params) => check(m.int(params)),
    positive: (params?: Params) => check(m.gt(0, params)),
    nonnegative: (params?: Params) => check(m.gte(0, params)),
    // Zod 4 refuses infinite numbers already; classic's `finite()` is a no-op kept for v3 code.
    finite: () => schema,
    regex: (pattern: RegExp, params?: Params) => check(m.regex(pattern, params)),
    startsWith: (prefix: string, params?: Params) => check(m.startsWith(prefix, params)),
    url: (params?: Parameters<typeof m.url>[0]) => check(m.url(params)),
    refine: (fn: (value: unknown) => unknown, params?: Params) => check(m.refine(fn, params)),
    transform: (fn: (value: unknown) => unknown) =>
      chained(m.pipe(schema as m.ZodMiniType<unknown, unknown>, m.transform(fn))),
    extend: (shape: Shape) =>
      chained(m.extend(schema as unknown as m.ZodMiniObject, shape) as unknown as Schema),
  });
}

type Factory = (...args: never[]) => Schema;
/** A mini factory whose schemas carry the chained methods. */
function wrap<F extends Factory>(factory: F): F {
  return ((...args: Parameters<F>) => chained(factory(...args))) as F;
}

/**
 * Typed as the classic functions it stands in for (type checking resolves `zod` itself); the schemas
 * carry only the methods `chained` lists.
 */
type Classic = Pick<
  typeof classic,
  | 'config'
  | 'object'
  | 'literal'
  | 'string'
  | 'number'
  | 'boolean'
  | 'array'
  | 'enum'
  | 'record'
  | 'partialRecord'
  | 'union'
  | 'discriminatedUnion'
  | 'url'
  | 'optional'
  | 'nullable'
>;

export const z: Classic = {
  config: m.config,
  object: wrap(m.object),
  literal: wrap(m.literal),
  string: wrap(m.string),
  number: wrap(m.number),
  boolean: wrap(m.boolean),
  array: wrap(m.array),
  enum: wrap(m.enum),
  record: wrap(m.record),
  partialRecord: wrap(m.partialRecord),
  union: wrap(m.union),
  discriminatedUnion: wrap(m.discriminatedUnion),
  url: wrap(m.url),
  optional: wrap(m.optional),
  nullable: wrap(m.nullable),
} as unknown as Classic;
