import path from 'node:path';
import type { DbHandle } from './database';
import type { PgliteOptions } from './drivers/pglite';

/**
 * The Node composition roots' one way to open the database named by DATABASE_URL:
 * unset → in-memory PGlite, `pglite:<dir>` → PGlite on disk (created if missing),
 * `postgres://` / `postgresql://` → node-postgres. Drivers are imported per scheme so a
 * bundle that never uses one does not load it.
 */
export async function openDatabase(url: string | undefined, opts: PgliteOptions = {}): Promise<DbHandle> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'pg') {
    const { openPg } = await import('./drivers/pg');
    return openPg(target.url);
  }
  const { openPglite } = await import('./drivers/pglite');
  return openPglite(target.dataDir, opts);
}

export type DatabaseTarget = { kind: 'pglite'; dataDir?: string } | { kind: 'pg'; url: string };

/** @throws Error naming the accepted forms when the URL has another scheme. */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: 'pglite' };
  if (value.startsWith('pglite:')) {
    const dir = value.slice('pglite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!dir) throw new Error('DATABASE_URL "pglite:" needs a directory, e.g. pglite:.data/pglite');
    return { kind: 'pglite', dataDir: path.resolve(dir) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'pg', url: value };
  throw new Error('DATABASE_URL must be unset, pglite:<dir>, or postgres://…');
}
