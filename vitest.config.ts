import { defineConfig } from 'vitest/config';

// One runner for the whole workspace: each package or app is a project with its own environment.
// The JSON report feeds the summary line CI prints.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
