import type { Deployment } from './deployment.ts';

/** A deployment for tests; override what a test is about. */
export function makeDeployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    baseUrl: 'https://cercle.example.org',
    host: 'cercle.example.org',
    teamsAppId: '0c1d2e3f-4a5b-4c6d-8e7f-901234567890',
    teamsClientId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
    ...overrides,
  };
}
