/**
 * Compile-time checks that a schema's type is the domain's type, so neither drifts from the other
 * without `pnpm typecheck` naming what differs. Used as
 * `const _commandsMatch: MembersThatDiffer<z.infer<typeof commandSchema>, Command> = {}`: the
 * compiler then lists each command whose schema and domain type are not the same.
 */

/**
 * A type as it travels: `readonly` is the domain's promise about its own values, not part of the
 * shape on the wire (zod infers mutable types), and an intersection reads as the one object it is.
 */
export type Wire<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { -readonly [K in keyof T]: Wire<T[K]> }
      : T;

/** True when A and B are the same type once read as `Wire`; false otherwise (not "assignable"). */
export type Equal<A, B> =
  (<T>() => T extends Wire<A> ? 1 : 2) extends <T>() => T extends Wire<B> ? 1 : 2 ? true : false;

type FieldOf<T, K extends PropertyKey> = K extends keyof T ? Pick<T, K> : 'missing';

/** The fields of two object types that differ (type, optionality, or presence), or never. */
export type DifferingFields<A, B> = {
  [K in keyof A | keyof B]-?: Equal<FieldOf<A, K>, FieldOf<B, K>> extends true ? never : K;
}[keyof A | keyof B];

type TagsOf<A, B, Tag extends keyof A & keyof B> = (A[Tag] | B[Tag]) & PropertyKey;

/**
 * The tags of the members that differ between two unions tagged by `Tag` (a member present in one
 * union only differs too), or never.
 */
export type DifferingMembers<A, B, Tag extends keyof A & keyof B> = {
  [T in TagsOf<A, B, Tag>]-?: Equal<
    Extract<A, Record<Tag, T>>,
    Extract<B, Record<Tag, T>>
  > extends true
    ? never
    : T;
}[TagsOf<A, B, Tag>];

/** `{}` when A and B have the same fields; otherwise it requires one key per differing field. */
export type FieldsThatDiffer<A, B> = { [K in DifferingFields<A, B>]: 'differs from the domain' };

/** `{}` when two tagged unions match member by member; otherwise one key per differing member. */
export type MembersThatDiffer<A, B, Tag extends keyof A & keyof B = 'type' & keyof A & keyof B> = {
  [T in DifferingMembers<A, B, Tag>]: 'differs from the domain';
};
