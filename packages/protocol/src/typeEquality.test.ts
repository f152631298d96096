import {
  type AssignableRole,
  type CaseKind,
  type Command,
  type CycleSession,
  createSession,
  type Floor,
  type HelpKind,
  type Lifecycle,
  type Locale,
  type Presence,
  REMOTE_TWO_HOURS,
  type Rejection,
  type Role,
  type SessionEvent,
  type SessionState,
  type SessionView,
  type SuggestionSort,
  type TextKind,
  type Visibility,
  viewFor,
  type Weather,
} from '@cercle/domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  caseKindSchema,
  helpKindSchema,
  sortSchema,
  textKindSchema,
  visibilitySchema,
  weatherSchema,
} from './contentSchemas.ts';
import {
  type assignableRoleSchema,
  type commandSchema,
  type eventSchema,
  type floorSchema,
  type lifecycleSchema,
  parseView,
  type presenceSchema,
  type roleSchema,
  type viewSchema,
  type viewShapeSchema,
} from './domainSchemas.ts';
import type { CycleResponse, localeSchema } from './http.ts';
import type { rejectedSchema } from './messages.ts';
import type {
  DifferingFields,
  DifferingMembers,
  Equal,
  FieldsThatDiffer,
  MembersThatDiffer,
} from './typeEquality.ts';

// These are compile-time assertions: `pnpm typecheck` proves them, the runner only loads them.

describe('Equal and its reports', () => {
  it('read `readonly` and intersections as the wire does, and nothing else', () => {
    expectTypeOf<Equal<{ a: string[] }, { readonly a: readonly string[] }>>().toEqualTypeOf<true>();
    expectTypeOf<Equal<{ a: 1 } & { b: 2 }, { a: 1; b: 2 }>>().toEqualTypeOf<true>();
    expectTypeOf<Equal<{ a?: string }, { a?: string | undefined }>>().toEqualTypeOf<true>();

    expectTypeOf<Equal<{ a: string }, { a: string | null }>>().toEqualTypeOf<false>();
    expectTypeOf<Equal<{ a: string }, { a?: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Equal<{ a: string }, { a: string; b: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Equal<{ a: 'x' | 'y' }, { a: string }>>().toEqualTypeOf<false>();
  });

  it('name the fields and the members that differ', () => {
    type Wire = { id: string; at: number; note?: string };
    type Domain = { readonly id: string; readonly at: number | null; readonly extra: 1 };
    expectTypeOf<DifferingFields<Wire, Domain>>().toEqualTypeOf<'at' | 'note' | 'extra'>();

    type WireUnion = { type: 'a'; x: string } | { type: 'b' } | { type: 'c' };
    type DomainUnion =
      | { readonly type: 'a'; readonly x: string }
      | { readonly type: 'b'; readonly y: number }
      | { readonly type: 'd' };
    expectTypeOf<DifferingMembers<WireUnion, DomainUnion, 'type'>>().toEqualTypeOf<
      'b' | 'c' | 'd'
    >();
  });

  it('a report is `{}` only when nothing differs, so a drift fails to compile', () => {
    const same: MembersThatDiffer<
      { type: 'a'; x: string[] },
      { readonly type: 'a'; readonly x: readonly string[] }
    > = {};
    // @ts-expect-error a schema whose `caseId` lost its null is not the domain's command
    const drifted: MembersThatDiffer<{ type: 'voteCase'; caseId: string }, Command> = {};
    // @ts-expect-error a view missing one field is not the domain's session
    const missing: FieldsThatDiffer<Omit<SessionState, 'notes'>, SessionState> = {};
    expect([same, drifted, missing]).toHaveLength(3);
  });
});

describe('every schema shared with the panel infers its domain type', () => {
  it('each enum is the domain union, with no cast and no transform', () => {
    expectTypeOf<z.infer<typeof roleSchema>>().toEqualTypeOf<Role>();
    expectTypeOf<z.infer<typeof assignableRoleSchema>>().toEqualTypeOf<AssignableRole>();
    expectTypeOf<z.infer<typeof floorSchema>>().toEqualTypeOf<Floor>();
    expectTypeOf<z.infer<typeof presenceSchema>>().toEqualTypeOf<Presence>();
    expectTypeOf<z.infer<typeof lifecycleSchema>>().toEqualTypeOf<Lifecycle>();
    expectTypeOf<z.infer<typeof visibilitySchema>>().toEqualTypeOf<Visibility>();
    expectTypeOf<z.infer<typeof textKindSchema>>().toEqualTypeOf<TextKind>();
    expectTypeOf<z.infer<typeof caseKindSchema>>().toEqualTypeOf<CaseKind>();
    expectTypeOf<z.infer<typeof helpKindSchema>>().toEqualTypeOf<HelpKind>();
    expectTypeOf<z.infer<typeof sortSchema>>().toEqualTypeOf<SuggestionSort>();
    expectTypeOf<z.infer<typeof weatherSchema>>().toEqualTypeOf<Weather>();
    expectTypeOf<z.infer<typeof localeSchema>>().toEqualTypeOf<Locale>();
    expectTypeOf<z.infer<typeof rejectedSchema>['reason']>().toEqualTypeOf<Rejection>();
    // Input and output agree: nothing is transformed on the way in.
    expectTypeOf<z.input<typeof visibilitySchema>>().toEqualTypeOf<Visibility>();
  });

  it('commands, events, the view and the cycle page', () => {
    expectTypeOf<z.infer<typeof commandSchema>>().toEqualTypeOf<Command>();
    expectTypeOf<z.infer<typeof eventSchema>>().toEqualTypeOf<SessionEvent>();
    expectTypeOf<Equal<z.infer<typeof viewShapeSchema>, SessionState>>().toEqualTypeOf<true>();
    expectTypeOf<z.output<typeof viewSchema>>().toEqualTypeOf<SessionView>();
    expectTypeOf<Equal<CycleResponse['sessions'][number], CycleSession>>().toEqualTypeOf<true>();
  });
});

describe('parseView: the one way a received structure becomes a view', () => {
  const state = createSession({
    id: 's1',
    groupName: 'Cercle',
    template: REMOTE_TWO_HOURS,
    facilitator: { id: 'fac', displayName: 'Awa' },
    now: 1_800_000_000_000,
  });

  it('gives back the view the server made, unchanged, typed as a view', () => {
    const sent = viewFor(state, 'fac');
    const received = parseView(JSON.parse(JSON.stringify(sent)));
    expectTypeOf(received).toEqualTypeOf<SessionView | null>();
    expect(received).toEqual(sent);
  });

  it('refuses what is not a view', () => {
    const sent = viewFor(state, 'fac');
    expect(parseView({ ...sent, lifecycle: 'paused' })).toBeNull();
    expect(parseView({ ...sent, people: undefined })).toBeNull();
    expect(parseView('a view')).toBeNull();
  });
});
