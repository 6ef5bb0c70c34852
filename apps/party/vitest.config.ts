import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/wrangler-dev.global-setup.ts'],
    testTimeout: 15_000,
    hookTimeout: 90_000,
  },
});
