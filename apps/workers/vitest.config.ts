import { defineConfig } from 'vitest/config';

/** Node: the API in-process over PGlite and PostgreSQL. workerd runs via vitest.workers.config.ts. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.workerd.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
