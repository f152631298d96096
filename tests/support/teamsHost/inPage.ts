/**
 * The source of an expression that calls `fn(arg)` in a page, for `page.evaluate` and
 * `addInitScript`. Loaders that keep function names (tsx, esbuild's keepNames) wrap inner
 * functions in a `__name(...)` helper that exists only in Node; the wrapper gives the function a
 * local one, so nothing is added to the page's globals.
 */
export function inPageCall<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}
