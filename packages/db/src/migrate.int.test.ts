import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { generateDrizzleJson, generateMigration, pushSchema } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { schema } from './database';
import { openPg } from './drivers/pg';
import { openPglite } from './drivers/pglite';
import { applyMigrations, defaultMigrationsFolder, migrateDatabase, readMigrations } from './migrate';
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

  it('carries stored boards, snapshots and component percentiles over to the narrow board (0015)', async () => {
    const handle = await openPglite();
    try {
      const migrations = await readMigrations(await defaultMigrationsFolder());
      const at = migrations.findIndex((m) => m.tag.startsWith('0015_'));
      await applyMigrations(handle.db, migrations.slice(0, at));
      const [a, b] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
      await handle.db.execute(sql`insert into users (id, email, password_hash, created_at)
        values (${a}, 'a@example.test', 'x', now()), (${b}, 'b@example.test', 'x', now())`);
      await handle.db
        .execute(sql`insert into leaderboard_entries (season_id, user_id, position, eligible, score, tier, components,
          return_pct, max_drawdown_pct, trades, trading_days, instruments, movement_direction, movement_delta, updated_at)
        values ('2026-11', ${a}, 1, true, 70, 'gold', '{"return":75,"sharpe":50.5,"drawdown":100,"activity":62.5}', 3, 1, 12, 6, '{}', 'new', 0, now()),
               ('2026-11', ${b}, 2, false, null, null, null, -1, 2, 1, 1, '{}', 'new', 0, now())`);
      await handle.db.execute(sql`insert into leaderboard_snapshots (season_id, day, user_id, position, tier)
        values ('2026-11', '2026-11-20', ${b}, 2, null), ('2026-11', '2026-11-20', ${a}, 1, 'gold'), ('2026-11', '2026-11-21', ${a}, 1, 'diamond')`);
      expect(await applyMigrations(handle.db, migrations)).toEqual(migrations.slice(at).map((m) => m.tag));
      const entries = rowsOf(
        await handle.db.execute(sql`select b.season_id, b.ready, e.position, e.component_return, e.component_sharpe,
            e.component_drawdown, e.component_activity
          from leaderboard_entries e join leaderboard_boards b on b.id = e.board order by e.position`),
      );
      const board = { season_id: '2026-11', ready: true };
      expect(entries).toEqual([
        {
          ...board,
          position: 1,
          component_return: 75,
          component_sharpe: 50.5,
          component_drawdown: 100,
          component_activity: 62.5,
        },
        {
          ...board,
          position: 2,
          component_return: null,
          component_sharpe: null,
          component_drawdown: null,
          component_activity: null,
        },
      ]);
      const days = rowsOf(
        await handle.db.execute(
          sql`select day, user_ids, positions, tiers from leaderboard_day_snapshots order by day`,
        ),
      );
      expect(days).toEqual([
        { day: '2026-11-20', user_ids: [a, b], positions: [1, 2], tiers: ['gold', null] },
        { day: '2026-11-21', user_ids: [a], positions: [1], tiers: ['diamond'] },
      ]);
    } finally {
      await handle.close();
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
