import { describeIssues } from '@cercle/protocol';
import type { FastifyInstance, FastifyTypeProvider } from 'fastify';
import type { z } from 'zod';

/**
 * Routes declare their params, query, body and responses with the protocol's zod schemas: Fastify
 * validates requests with them, types the handler from them, and checks each answer against them
 * before it leaves (a wrong answer is a bug: 500, details in the log).
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  // The domain hands out read-only values; an answer need not be mutable to be sent.
  serializer: this['schema'] extends z.ZodType ? Answer<z.input<this['schema']>> : unknown;
}

type Answer<T> = T extends readonly (infer U)[]
  ? readonly Answer<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Answer<T[K]> }
    : T;

function isZod(schema: unknown): schema is z.ZodType {
  return typeof schema === 'object' && schema !== null && 'safeParse' in schema;
}

/** Validation and serialisation by zod, for every route that declares a zod schema. */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => (data) => {
    if (!isZod(schema)) return { value: data };
    const result = schema.safeParse(data);
    return result.success
      ? { value: result.data }
      : { error: new Error(describeIssues(result.error)) };
  });
  app.setSerializerCompiler(
    ({ schema }) =>
      (data) =>
        JSON.stringify(isZod(schema) ? schema.parse(data) : data),
  );
}
