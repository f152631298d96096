import {
  ASSIGNABLE_ROLES,
  CASE_KINDS,
  FLOORS,
  HELP_KINDS,
  LIFECYCLES,
  LOCALES,
  PRESENCES,
  REJECTIONS,
  ROLES,
  SUGGESTION_SORTS,
  TEXT_KINDS,
  VISIBILITIES,
  WEATHERS,
} from '@cercle/domain';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  caseKindSchema,
  helpKindSchema,
  sortSchema,
  textKindSchema,
  visibilitySchema,
  weatherSchema,
} from './contentSchemas.ts';
import {
  assignableRoleSchema,
  floorSchema,
  lifecycleSchema,
  presenceSchema,
  roleSchema,
} from './domainSchemas.ts';
import { ErrorCode } from './errorCode.ts';
import { HttpErrorCode, httpErrorSchema, localeSchema } from './http.ts';
import { errorMessageSchema, rejectedSchema } from './messages.ts';
import { parseClientMessage } from './parse.ts';

/** Values no enum holds: near misses of real ones, other types, and nothing. */
const OUTSIDERS: readonly unknown[] = ['', 'everyone', 'Group', 'ME', ' me', 0, null, undefined];

const ENUMS: ReadonlyArray<readonly [string, z.ZodType, readonly string[]]> = [
  ['role', roleSchema, ROLES],
  ['assignable role', assignableRoleSchema, ASSIGNABLE_ROLES],
  ['floor', floorSchema, FLOORS],
  ['presence', presenceSchema, PRESENCES],
  ['lifecycle', lifecycleSchema, LIFECYCLES],
  ['visibility', visibilitySchema, VISIBILITIES],
  ['text kind', textKindSchema, TEXT_KINDS],
  ['case kind', caseKindSchema, CASE_KINDS],
  ['help kind', helpKindSchema, HELP_KINDS],
  ['suggestion sort', sortSchema, SUGGESTION_SORTS],
  ['weather', weatherSchema, WEATHERS],
  ['locale', localeSchema, LOCALES],
];

describe('each enum on the wire is its domain tuple, exactly', () => {
  it.each(ENUMS)('%s: every value of the tuple parses to itself', (_name, schema, values) => {
    for (const value of values) expect(schema.parse(value)).toBe(value);
  });

  it.each(ENUMS)('%s: a value outside the tuple is refused', (_name, schema, values) => {
    for (const value of OUTSIDERS) {
      if (values.includes(value as string)) continue;
      expect(schema.safeParse(value).success, String(value)).toBe(false);
    }
  });

  it('an assignable role is never the facilitator: facilitation moves by hand-over only', () => {
    expect(assignableRoleSchema.safeParse('facilitator').success).toBe(false);
    expect(roleSchema.safeParse('facilitator').success).toBe(true);
  });

  it('a refusal names a rejection the domain knows, an error a code the protocol knows', () => {
    for (const reason of REJECTIONS)
      expect(rejectedSchema.parse({ type: 'rejected', commandId: 'c1', reason }).reason).toBe(
        reason,
      );
    expect(
      rejectedSchema.safeParse({ type: 'rejected', commandId: 'c1', reason: 'because' }).success,
    ).toBe(false);

    const error = { type: 'error', message: 'm', commandId: null };
    for (const code of Object.values(ErrorCode))
      expect(errorMessageSchema.parse({ ...error, code }).code).toBe(code);
    expect(errorMessageSchema.safeParse({ ...error, code: 'oops' }).success).toBe(false);

    for (const code of Object.values(HttpErrorCode))
      expect(httpErrorSchema.parse({ error: { code, message: 'm' } }).error.code).toBe(code);
    expect(httpErrorSchema.safeParse({ error: { code: 'oops', message: 'm' } }).success).toBe(
      false,
    );
  });

  it('a command carrying a value outside its enum is refused at the boundary', () => {
    const send = (command: unknown) =>
      parseClientMessage(JSON.stringify({ type: 'command', commandId: 'c1', command }));
    const refused = [
      { type: 'setVisibility', ref: { kind: 'note', id: 'p1' }, visibility: 'everyone' },
      { type: 'setVisibility', ref: { kind: 'diary', id: 'p1' }, visibility: 'me' },
      { type: 'assignRole', personId: 'p1', role: 'facilitator' },
      { type: 'proposeCase', kind: 'puzzle', title: 't', summary: 's' },
      { type: 'evaluate', weather: 'foggy', rating: 3, comment: '' },
      { type: 'sortSuggestion', suggestionId: 's1', sort: 'archive' },
      { type: 'setPresence', presence: 'away' },
    ];
    for (const command of refused) expect(send(command).ok, JSON.stringify(command)).toBe(false);
    expect(send({ type: 'setPresence', presence: 'online' }).ok).toBe(true);
  });
});
