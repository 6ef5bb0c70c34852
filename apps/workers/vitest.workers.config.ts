import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * workerd: the real Worker (wrangler.toml's main) answers SELF.fetch, with DATABASE_URL
 * pointing at a fresh PostgreSQL database reached through the Neon driver and a local
 * WebSocket proxy (both made by test/workerd-global-setup.ts, in Node).
 */
export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: fileURLToPath(new URL('../../wrangler.toml', import.meta.url)) },
      miniflare: {
        // wrangler.toml binds ROOMS to the party worker, which these tests do not run:
        // stand in with a room server that closes nothing.
        serviceBindings: { ROOMS: () => Response.json({ closed: 0 }) },
        bindings: {
          DATABASE_URL: inject('databaseUrl'),
          NEON_WS_PROXY: inject('neonWsProxy'),
          AUTH_SECRET: 'workerd-test-secret-at-least-32-characters',
          // = INTERNAL_TEST_SECRET (api/testing/suite-internal-ai.ts): the party worker's @ai route.
          ROOM_CONTROL_SECRET: 'internal-test-secret-at-least-32-characters',
          APP_URL: 'http://app.test',
          APP_VERSION: 'workerd-test',
          MAIL_TRANSPORT: 'outbox',
          DEV_OUTBOX: '1',
          PBKDF2_ITERATIONS: '1000',
          AI_LOCAL_BASE_URL: inject('aiLocalBaseUrl'),
          AI_LOCAL_MODEL: 'test-local',
        },
      },
    })),
  ],
  test: {
    include: ['src/**/*.workerd.test.ts'],
    globalSetup: ['./test/workerd-global-setup.ts'],
    // One shared database: files run one at a time so row-count assertions stay exact.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
