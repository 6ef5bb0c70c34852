import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema/index';

export { schema };
export type Schema = typeof schema;

/**
 * The database as repositories see it: typed against drizzle's PostgreSQL dialect core,
 * not a driver, so the same repository code runs on PGlite, node-postgres and Neon.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction or the database itself: whatever a single statement may run on. */
export type Executor = Database | PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DriverKind = 'pglite' | 'pg' | 'neon';

/** An open database plus the one way to release its connections. */
export type DbHandle = {
  db: Database;
  kind: DriverKind;
  close(): Promise<void>;
};
