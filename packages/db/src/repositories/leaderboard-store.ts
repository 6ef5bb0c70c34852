import type { leaderboard, ranking, seasons } from '@clantrader/core';

type Season = seasons.Season;
type SeasonId = seasons.SeasonId;
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { createDerivedBoards } from './leaderboard-boards';
import { loadPerformances } from './season-performances';
import { rowsOf } from './season-sql';

type Entry = leaderboard.BoardEntry;
type ClanMemberRow = {
  clan_id: string;
  name: string;
  slug: string;
  user_id: string;
  position: number | null;
  eligible: boolean | null;
  score: number | null;
};
type EntryRow = {
  position: number;
  handle: string;
  display_name: string;
  score: number | null;
  tier: ranking.Tier | null;
  eligible: boolean;
  movement_direction: Entry['movement']['direction'];
  movement_delta: number;
  components: Record<ranking.Component, number> | null;
  return_pct: number;
  sharpe: number | null;
  max_drawdown_pct: number;
  trades: number;
  trading_days: number;
  updated_at: Date | string;
};

const ENTRY_COLUMNS = sql`e.position, p.handle, p.display_name, e.score, e.tier, e.eligible, e.movement_direction, e.movement_delta,
  e.components, e.return_pct, e.sharpe, e.max_drawdown_pct, e.trades, e.trading_days, e.updated_at`;

function toEntry(r: EntryRow): Entry {
  return {
    position: r.position,
    handle: r.handle,
    displayName: r.display_name,
    score: r.score,
    tier: r.tier,
    eligible: r.eligible,
    movement: { direction: r.movement_direction, delta: r.movement_delta },
    components: r.components,
    metrics: {
      returnPct: r.return_pct,
      sharpe: r.sharpe,
      maxDrawdownPct: r.max_drawdown_pct,
      trades: r.trades,
      tradingDays: r.trading_days,
    },
  };
}

/** The UTC day 7 days before `day` ("YYYY-MM-DD"). */
const weekBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);

const SORT_SQL: Record<ranking.SortKey, ReturnType<typeof sql>> = {
  score: sql`e.position`,
  return: sql`e.eligible desc, e.return_pct desc, e.position`,
  sharpe: sql`e.eligible desc, e.sharpe desc nulls last, e.position`,
  drawdown: sql`e.eligible desc, e.max_drawdown_pct asc, e.position`,
  activity: sql`e.eligible desc, e.trading_days desc, e.position`,
};

/**
 * The live leaderboard on PostgreSQL: per-trader aggregation in SQL, the board as rows
 * keyed (season_id, position) with a (season_id, user_id) index, so a page or a rank is
 * one indexed read. A recompute replaces the board in one transaction; the clan board and
 * weekly highlights derived from it are stored next (leaderboard-boards.ts). `parallelism`
 * splits the aggregation into that many concurrent queries (a pooled server: its cores).
 */
export function createLeaderboardStore(
  db: Database,
  options: { parallelism?: number } = {},
): leaderboard.LeaderboardStore {
  return {
    ...createDerivedBoards(db),
    async clanBoardInputs(seasonId) {
      const rows = rowsOf<ClanMemberRow>(
        await db.execute(sql`
          select cm.clan_id, c.name, c.slug, cm.user_id, le.position, le.eligible, le.score
          from clan_members cm
          join clans c on c.id = cm.clan_id and c.disbanded_at is null
          left join leaderboard_entries le on le.user_id = cm.user_id and le.season_id = ${seasonId}
          order by cm.clan_id, cm.user_id`),
      );
      const clans = new Map<string, leaderboard.ClanOnBoard>();
      const members: leaderboard.MemberOnBoard[] = [];
      for (const r of rows) {
        const clan = clans.get(r.clan_id) ?? { clanId: r.clan_id, name: r.name, slug: r.slug, memberIds: [] };
        clan.memberIds.push(r.user_id);
        clans.set(r.clan_id, clan);
        if (r.position !== null) {
          const score = r.score === null ? null : Number(r.score);
          members.push({ traderId: r.user_id, position: r.position, eligible: r.eligible === true, score });
        }
      }
      return { clans: [...clans.values()], members };
    },
    seasonPerformances: (season: Season, _rules, week) => loadPerformances(db, season, options.parallelism ?? 1, week),

    async snapshotBefore(seasonId: SeasonId, day: string) {
      const rows = rowsOf<{ user_id: string; position: number; tier: ranking.Tier | null }>(
        await db.execute(sql`
        select user_id, position, tier from leaderboard_snapshots
        where season_id = ${seasonId} and day = (select max(day) from leaderboard_snapshots where season_id = ${seasonId} and day < ${day})`),
      );
      return rows.length === 0 ? null : rows.map((r) => ({ traderId: r.user_id, position: r.position, tier: r.tier }));
    },

    async saveBoard(seasonId, day, rows, at) {
      const payload = JSON.stringify(
        rows.map((r) => ({
          u: r.traderId,
          p: r.position,
          e: r.eligible,
          s: r.score,
          t: r.tier,
          c: r.components,
          rp: r.performance.returnPct,
          sh: r.performance.sharpe,
          dd: r.performance.maxDrawdownPct,
          n: r.performance.tradeCount,
          d: r.performance.tradingDays,
          st: r.performance.style,
          i: r.instruments,
          md: r.movement.direction,
          mv: r.movement.delta,
        })),
      );
      await db.transaction(async (tx) => {
        await tx.execute(sql`delete from leaderboard_entries where season_id = ${seasonId}`);
        await tx.execute(sql`
          insert into leaderboard_entries (season_id, user_id, position, eligible, score, tier, components, return_pct, sharpe,
            max_drawdown_pct, trades, trading_days, style, instruments, movement_direction, movement_delta, updated_at)
          select ${seasonId}, x.u, x.p, x.e, x.s, x.t, x.c, x.rp, x.sh, x.dd, x.n, x.d, x.st, x.i, x.md, x.mv, ${at.toISOString()}::timestamptz
          from json_to_recordset(${payload}::json) as x(u uuid, p int, e boolean, s float8, t text, c jsonb, rp float8, sh float8,
            dd float8, n int, d int, st text, i text[], md text, mv int)`);
        // Keep every snapshot back to the weekly climber's base (the latest one at least 7 days old).
        await tx.execute(sql`delete from leaderboard_snapshots where season_id = ${seasonId} and (day = ${day} or day < (
          select max(day) from leaderboard_snapshots where season_id = ${seasonId} and day <= ${weekBefore(day)}))`);
        await tx.execute(sql`insert into leaderboard_snapshots (season_id, day, user_id, position, tier)
          select ${seasonId}, ${day}, user_id, position, tier from leaderboard_entries where season_id = ${seasonId}`);
      });
    },

    async readPage(q) {
      const filters = [sql`e.season_id = ${q.seasonId}`];
      if (q.instrument !== undefined) filters.push(sql`${q.instrument} = any(e.instruments)`);
      if (q.style !== undefined) filters.push(sql`e.style = ${q.style}`);
      const where = sql.join(filters, sql` and `);
      const range =
        q.sort === 'score' && q.instrument === undefined && q.style === undefined
          ? sql`and e.position > ${q.offset} order by e.position limit ${q.limit}`
          : sql`order by ${SORT_SQL[q.sort]} limit ${q.limit} offset ${q.offset}`;
      const rows = rowsOf<EntryRow>(
        await db.execute(sql`
        select ${ENTRY_COLUMNS} from leaderboard_entries e join profiles p on p.user_id = e.user_id where ${where} ${range}`),
      );
      let updatedAt = rows[0]?.updated_at ?? null;
      if (updatedAt === null) {
        const head = rowsOf<{ updated_at: Date | string }>(
          await db.execute(sql`
          select updated_at from leaderboard_entries where season_id = ${q.seasonId} and position = 1`),
        );
        updatedAt = head[0]?.updated_at ?? null;
      }
      return { updatedAt: updatedAt === null ? null : new Date(updatedAt), items: rows.map(toEntry) };
    },

    async findEntry(seasonId, userId) {
      const rows = rowsOf<EntryRow>(
        await db.execute(sql`
        select ${ENTRY_COLUMNS} from leaderboard_entries e join profiles p on p.user_id = e.user_id
        where e.season_id = ${seasonId} and e.user_id = ${userId}`),
      );
      return rows[0] ? toEntry(rows[0]) : null;
    },

    async findEntryByHandle(seasonId, handle) {
      const rows = rowsOf<EntryRow>(
        await db.execute(sql`
        select ${ENTRY_COLUMNS} from profiles p join leaderboard_entries e on e.user_id = p.user_id and e.season_id = ${seasonId}
        where p.handle = ${handle}`),
      );
      return rows[0] ? toEntry(rows[0]) : null;
    },

    async findUserIdByHandle(handle) {
      const rows = rowsOf<{ user_id: string }>(
        await db.execute(sql`select user_id from profiles where handle = ${handle}`),
      );
      return rows[0]?.user_id ?? null;
    },

    async clanSeasonHistory(clanId) {
      const rows = rowsOf<{
        season_id: string;
        position: number;
        score: number | null;
        clans: number;
        eligible: number;
      }>(
        await db.execute(sql`
          select a.season_id, (c->>'position')::int as position, (c->>'score')::float8 as score,
            jsonb_array_length(a.clans) as clans, coalesce((c->>'eligibleMembers')::int, 0) as eligible
          from season_archives a cross join lateral jsonb_array_elements(a.clans) c
          where c->>'clanId' = ${clanId} order by a.season_id desc`),
      );
      return rows.map((r) => ({
        seasonId: r.season_id,
        position: r.position,
        score: r.score === null ? null : Number(r.score),
        clans: r.clans,
        eligibleMembers: r.eligible,
      }));
    },

    async seasonHistory(userId) {
      const rows = rowsOf<{
        season_id: string;
        position: number;
        tier: ranking.Tier | null;
        score: number | null;
        awards: string[];
      }>(
        await db.execute(
          sql`select season_id, position, tier, score, awards from season_results where user_id = ${userId} order by season_id desc`,
        ),
      );
      return rows.map((r) => ({
        seasonId: r.season_id,
        position: r.position,
        tier: r.tier,
        score: r.score,
        awards: r.awards,
      }));
    },
  };
}
