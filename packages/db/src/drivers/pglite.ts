import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { schema, type DbHandle } from '../database';

/**
 * PostgreSQL in WASM, in-process: the zero-setup database for development, tests and a
 * single on-prem box without a PostgreSQL server. No `dataDir` means in-memory.
 */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  return wrapPglite(await PGlite.create(dataDir ? { dataDir } : {}));
}

/** A handle over a PGlite the caller created (e.g. from a data-dir dump); close() closes it. */
export function wrapPglite(client: PGlite): DbHandle {
  return { db: drizzle({ client, schema }), kind: 'pglite', close: () => client.close() };
}
