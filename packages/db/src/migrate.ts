import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DbHandle, Executor } from './database';

/** One migration as drizzle-kit wrote it: the SQL file split at its statement breakpoints. */
export type Migration = { tag: string; createdAt: number; hash: string; statements: string[] };

export type MigrateOptions = {
  /**
   * Folder holding drizzle-kit's `meta/_journal.json` and SQL files. Defaults to this
   * package's `migrations`; the on-prem bundle passes the copy shipped beside server.js.
   */
  migrationsFolder?: string;
};

/** drizzle-kit's own bookkeeping table, so `drizzle-kit migrate` and this runner agree. */
const TABLE = sql`"drizzle"."__drizzle_migrations"`;
/** Any constant works; it only has to be the same in every process migrating this schema. */
const LOCK_KEY = 727_001;

/**
 * Applies pending migrations from the folder on any driver and returns the tags it applied
 * (empty when the database was current). All of it runs in one transaction behind a
 * PostgreSQL advisory lock, so two processes booting at once apply each migration once
 * and a failing migration leaves the schema as it was.
 */
export async function migrateDatabase(target: DbHandle | Database, opts: MigrateOptions = {}): Promise<string[]> {
  const db = 'kind' in target ? target.db : target;
  const folder = opts.migrationsFolder ?? (await defaultMigrationsFolder());
  return applyMigrations(db, await readMigrations(folder));
}

/** The runner without file access, for runtimes that bundle the migrations themselves. */
export async function applyMigrations(db: Database, migrations: Migration[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists "drizzle"`);
    await tx.execute(
      sql`create table if not exists ${TABLE} (id serial primary key, hash text not null, created_at bigint)`,
    );
    const last = await lastAppliedAt(tx);
    const applied: string[] = [];
    for (const m of migrations) {
      if (m.createdAt <= last) continue;
      for (const statement of m.statements) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into ${TABLE} (hash, created_at) values (${m.hash}, ${m.createdAt})`);
      applied.push(m.tag);
    }
    return applied;
  });
}

async function lastAppliedAt(tx: Executor): Promise<number> {
  const rows = await tx
    .select({ at: sql<string | null>`max(created_at)::text` })
    .from(sql`${TABLE}`)
    .then((r) => r[0]?.at ?? null);
  return rows === null ? -1 : Number(rows);
}

const JournalSchema = z.object({
  entries: z.array(z.object({ tag: z.string().regex(/^[\w-]+$/), when: z.number().int() })),
});

/** Reads drizzle-kit's journal and SQL files; hashes match drizzle's migrator. */
export async function readMigrations(folder: string): Promise<Migration[]> {
  const { readFile } = await import('node:fs/promises');
  const { createHash } = await import('node:crypto');
  const { join } = await import('node:path');
  const journal = JournalSchema.parse(JSON.parse(await readFile(join(folder, 'meta', '_journal.json'), 'utf8')));
  return Promise.all(
    journal.entries.map(async ({ tag, when }) => {
      const text = await readFile(join(folder, `${tag}.sql`), 'utf8');
      return {
        tag,
        createdAt: when,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text.split('--> statement-breakpoint'),
      };
    }),
  );
}

/** `packages/db/migrations`, found from this module's own location. */
export async function defaultMigrationsFolder(): Promise<string> {
  const { fileURLToPath } = await import('node:url');
  return fileURLToPath(new URL('../migrations', import.meta.url));
}
