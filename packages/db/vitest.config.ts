import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each file opens real databases; PGlite boots in ~1 s and the embedded server slower.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
