import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Integration and e2e tests start real servers and browsers: give them room, run files in
    // parallel on the 2 cores, and never retry (a flaky test is a bug to fix).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
