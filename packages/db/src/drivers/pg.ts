import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { schema, type DbHandle } from '../database';

export type PgOptions = {
  /** Connections kept by the pool; on-prem serves from one process, so a few are plenty. */
  max?: number;
  /** Reported in pg_stat_activity, handy when several services share one server. */
  applicationName?: string;
  /** Errors of idle pooled connections (server restart); the pool replaces the client. */
  onIdleError?: (error: Error) => void;
};

/**
 * A node-postgres pool: the on-prem driver for a real PostgreSQL server. Runs one
 * `select 1` before returning so a wrong DATABASE_URL fails at boot, not at first request.
 */
export async function openPg(url: string, opts: PgOptions = {}): Promise<DbHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'clantrader',
  });
  pool.on('error', (error) => opts.onIdleError?.(error));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzle({ client: pool, schema });
  return { db, kind: 'pg', close: () => pool.end() };
}
