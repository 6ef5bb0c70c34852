import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are applied by src/migrate.ts on every driver.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  strict: true,
});
