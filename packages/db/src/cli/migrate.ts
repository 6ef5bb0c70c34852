import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '../migrate';
import { openDatabase } from '../open-database';

/**
 * `pnpm db:migrate`: applies pending migrations to DATABASE_URL. Unset would mean an
 * in-memory database that vanishes on exit, so the default is the on-disk PGlite that
 * `pnpm start` uses: `pglite:<repo>/.data/pglite`.
 */
async function main(): Promise<void> {
  const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
  const url = process.env.DATABASE_URL?.trim() || `pglite:${path.join(repoRoot, '.data', 'pglite')}`;
  if (!process.env.DATABASE_URL?.trim()) console.log(`DATABASE_URL is unset; migrating ${url}`);
  const handle = await openDatabase(url);
  try {
    const applied = await migrateDatabase(handle);
    console.log(
      applied.length === 0 ? `${describe(url)} is up to date` : `applied to ${describe(url)}: ${applied.join(', ')}`,
    );
  } finally {
    await handle.close();
  }
}

/** The URL without its password, fit for a log line. */
function describe(url: string): string {
  if (!/^postgres(ql)?:/.test(url)) return url;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

main().catch((error: unknown) => {
  console.error('migration failed:', error);
  process.exitCode = 1;
});
