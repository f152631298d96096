/** Marks a switch as exhaustive: adding a case to a union makes every unhandled switch a type error. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
