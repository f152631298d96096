import { fileURLToPath } from 'node:url';

/**
 * The panel resolves `zod` (the bare name only: `zod/mini` stays itself) to zod's chained API built
 * on zod/mini, for the build and for its tests alike, so the tests run what the browser runs.
 */
export const zodAlias = {
  find: /^zod$/,
  replacement: fileURLToPath(new URL('./src/zodOnMini.ts', import.meta.url)),
};
