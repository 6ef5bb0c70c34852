import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Failover tests wait out a real 3 s first-token deadline against local HTTP servers.
    testTimeout: 15_000,
  },
});
