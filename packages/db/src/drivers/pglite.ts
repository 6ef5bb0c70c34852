import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { schema, type DbHandle } from '../database';

export type PgliteOptions = {
  /**
   * A gzipped data-directory dump (`PGlite.dumpDataDir('gzip')`) to start from when the
   * data directory is new. It skips initdb, which costs seconds in WASM; the on-prem
   * bundle ships one with the migrations already applied.
   */
  template?: Blob;
};

/**
 * PostgreSQL in WASM, in-process: the zero-setup database for development, tests and a
 * single on-prem box without a PostgreSQL server. No `dataDir` means in-memory.
 */
export async function openPglite(dataDir?: string, opts: PgliteOptions = {}): Promise<DbHandle> {
  const fresh = !dataDir || !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(fresh && opts.template ? { loadDataDir: opts.template } : {}),
  });
  return wrapPglite(client);
}

/** A handle over a PGlite the caller created (e.g. from a data-dir dump); close() closes it. */
export function wrapPglite(client: PGlite): DbHandle {
  return { db: drizzle({ client, schema }), kind: 'pglite', close: () => client.close() };
}
