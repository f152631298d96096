/**
 * Names each value of a tuple by itself (`Role.client === 'client'`), so code spells a value by its
 * name and the tuple stays the one list of them.
 */
export function namesOf<const T extends readonly string[]>(
  values: T,
): { readonly [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as {
    readonly [K in T[number]]: K;
  };
}
