import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { generateDrizzleJson, generateMigration, pushSchema } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { schema } from './database';
import { openPg } from './drivers/pg';
import { openPglite } from './drivers/pglite';
import { defaultMigrationsFolder, migrateDatabase, readMigrations } from './migrate';
import { rowsOf } from './repositories/season-sql';
import { createTestPostgresDatabase } from './testing/index';

async function countApplied(db: Parameters<typeof migrateDatabase>[0]): Promise<number> {
  const target = 'kind' in db ? db.db : db;
  const rows = await target.select({ n: sql<number>`count(*)::int` }).from(sql`drizzle.__drizzle_migrations`);
  return rows[0]?.n ?? -1;
}

describe('migrateDatabase', () => {
  it('applies every committed migration once; a second run is a no-op', async () => {
    const handle = await openPglite();
    try {
      const tags = (await readMigrations(await defaultMigrationsFolder())).map((m) => m.tag);
      expect(tags.length).toBeGreaterThan(0);
      expect(await migrateDatabase(handle)).toEqual(tags);
      expect(await migrateDatabase(handle)).toEqual([]);
      expect(await countApplied(handle)).toBe(tags.length);
    } finally {
      await handle.close();
    }
  });

  it('yields exactly the drizzle schema (nothing left for drizzle-kit push to change)', async () => {
    const handle = await openPglite();
    try {
      await migrateDatabase(handle);
      // drizzle-kit types the instance without a schema; the introspection ignores it.
      const db = handle.db as unknown as Parameters<typeof pushSchema>[1];
      const { statementsToExecute } = await pushSchema(schema, db, ['public']);
      // The one hand-edited index: drizzle cannot declare INCLUDE, so push would rebuild
      // trades_season_idx without it (migration 0014); check the real one has it instead.
      const covering = /"trades_season_idx"/;
      expect(statementsToExecute.filter((s) => !covering.test(s))).toEqual([]);
      const [index] = rowsOf<{ indexdef: string }>(
        await handle.db.execute(sql`select indexdef from pg_indexes where indexname = 'trades_season_idx'`),
      );
      expect(index?.indexdef).toMatch(/\(trading_account_id, closed_at\) INCLUDE \(id, net, season_fields\)$/);
    } finally {
      await handle.close();
    }
  });

  it('has committed migrations that match the schema (drizzle-kit generate has no diff)', async () => {
    const folder = await defaultMigrationsFolder();
    const journal = JSON.parse(await readFile(join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { idx: number }[];
    };
    const last = journal.entries.at(-1);
    const snapshotName = `${String(last?.idx).padStart(4, '0')}_snapshot.json`;
    const snapshot = JSON.parse(await readFile(join(folder, 'meta', snapshotName), 'utf8')) as Parameters<
      typeof generateMigration
    >[0];
    expect(await generateMigration(snapshot, generateDrizzleJson(schema))).toEqual([]);
  });

  it('is safe when two servers migrate one PostgreSQL at the same moment', async () => {
    const temp = await createTestPostgresDatabase();
    const [a, b] = await Promise.all([openPg(temp.url), openPg(temp.url)]);
    try {
      const results = await Promise.all([migrateDatabase(a), migrateDatabase(b)]);
      expect(results.flat()).toEqual((await readMigrations(await defaultMigrationsFolder())).map((m) => m.tag));
      expect(await countApplied(a)).toBe(results.flat().length);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await temp.drop();
    }
  });

  it('takes the migrations folder as an argument (the on-prem bundle ships its own copy)', async () => {
    const handle = await openPglite();
    try {
      await expect(migrateDatabase(handle, { migrationsFolder: '/nonexistent' })).rejects.toThrow(/ENOENT/);
      expect(await migrateDatabase(handle, { migrationsFolder: await defaultMigrationsFolder() })).not.toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
