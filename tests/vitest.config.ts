import { defineProject } from 'vitest/config';
import { CONDITION_TIMEOUT_MS, TEST_TIMEOUT_MS } from './support/patience.ts';

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
    // Real servers and browsers: one file at a time on a 2-core machine, and limits sized for that
    // machine when it is busy too (they bound a failure; a passing run never waits for them).
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: TEST_TIMEOUT_MS,
    expect: { poll: { timeout: CONDITION_TIMEOUT_MS } },
    fileParallelism: false,
  },
});
