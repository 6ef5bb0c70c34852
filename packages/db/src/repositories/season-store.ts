import { seasons as coreSeasons } from '@clantrader/core';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Database } from '../database';
import { seasonArchives, seasonResults, seasons } from '../schema/index';
import { createLeaderboardStore } from './leaderboard-store';
import { loadEntrants } from './season-performances';

type SeasonStore = coreSeasons.SeasonStore;

/**
 * SeasonStore on PostgreSQL. Status moves are single `UPDATE ... WHERE status = ...`
 * statements (compare-and-set), so only one of two racing rollover runs changes a row;
 * the archive and the per-trader results are written in the transaction that archives.
 */
export function createSeasonStore(db: Database): SeasonStore {
  return {
    async listEndedUnarchived(now) {
      const rows = await db
        .select()
        .from(seasons)
        .where(and(inArray(seasons.status, ['open', 'frozen']), lte(seasons.endsAt, now)))
        .orderBy(asc(seasons.startsAt));
      return rows.map((r) => ({ id: r.id, startsAt: r.startsAt, endsAt: r.endsAt }));
    },
    async freezeSeasonIfOpen(seasonId, at) {
      const rows = await db
        .update(seasons)
        .set({ status: 'frozen', frozenAt: at })
        .where(and(eq(seasons.id, seasonId), eq(seasons.status, 'open')))
        .returning({ id: seasons.id });
      return rows.length === 1;
    },
    listEntrants: (seasonId) => loadEntrants(db, coreSeasons.seasonById(seasonId)),
    // Current members of active clans (leaving deletes the membership row).
    async listClans(seasonId) {
      const { clans } = await createLeaderboardStore(db).clanBoardInputs(seasonId);
      return clans.map((c) => ({ clanId: c.clanId, memberIds: c.memberIds }));
    },
    archiveSeasonIfFrozen: (archive, at) =>
      db.transaction(async (tx) => {
        const moved = await tx
          .update(seasons)
          .set({ status: 'archived', archivedAt: at })
          .where(and(eq(seasons.id, archive.seasonId), eq(seasons.status, 'frozen')))
          .returning({ id: seasons.id });
        if (moved.length !== 1) return false;
        const { seasonId, rules, standings, clans, awards } = archive;
        await tx.insert(seasonArchives).values({ seasonId, rules, standings, clans, awards, createdAt: at });
        const won = new Map<string, string[]>();
        for (const a of awards)
          won.set(a.traderId, [...(won.get(a.traderId) ?? []), a.instrument ? `${a.kind}:${a.instrument}` : a.kind]);
        const rows = standings.map((s) => ({
          seasonId,
          userId: s.traderId,
          position: s.position,
          eligible: s.eligible,
          score: s.score,
          tier: s.tier,
          awards: won.get(s.traderId) ?? [],
        }));
        for (let i = 0; i < rows.length; i += 5000) await tx.insert(seasonResults).values(rows.slice(i, i + 5000));
        return true;
      }),
    async openSeasonIfAbsent(season, at) {
      const rows = await db
        .insert(seasons)
        .values({ id: season.id, startsAt: season.startsAt, endsAt: season.endsAt, status: 'open', openedAt: at })
        .onConflictDoNothing()
        .returning({ id: seasons.id });
      return rows.length === 1;
    },
    async findArchive(seasonId) {
      const [row] = await db.select().from(seasonArchives).where(eq(seasonArchives.seasonId, seasonId));
      return row
        ? { seasonId: row.seasonId, rules: row.rules, standings: row.standings, clans: row.clans, awards: row.awards }
        : null;
    },
  };
}
