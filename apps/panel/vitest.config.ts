import { defineProject } from 'vitest/config';
import { zodAlias } from './zodAlias.ts';

export default defineProject({
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: { alias: [zodAlias] },
  test: { name: 'panel', environment: 'happy-dom', setupFiles: ['./src/testing/setup.ts'] },
});
