import { defineProject } from 'vitest/config';

export default defineProject({
  oxc: { jsx: { runtime: 'automatic' } },
  test: { name: 'panel', environment: 'happy-dom', setupFiles: ['./src/testing/setup.ts'] },
});
