import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tests',
    environment: 'node',
    include: [
      'e2e/**/*.test.ts',
      'architecture/**/*.test.ts',
      'reliability/**/*.test.ts',
      'bench/**/*.test.ts',
      'cluster/**/*.test.ts',
    ],
    // Real servers and browsers: generous, and one file at a time on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
