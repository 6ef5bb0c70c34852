import type { leaderboard, ranking, seasons } from '@clantrader/core';

type Season = seasons.Season;
type SeasonId = seasons.SeasonId;
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { arrayLiteral } from './array-literal';
import { currentBoard } from './current-board';
import { createDerivedBoards, snapshotOf, type SnapshotRow } from './leaderboard-boards';
import { loadPerformances } from './season-performances';
import { rowsOf } from './season-sql';

type Entry = leaderboard.BoardEntry;
type StoredBoardRow = leaderboard.StoredBoardRow;

/** Separates a row's instruments in the bound text (stripped from symbols). */
const INSTRUMENT_SEPARATOR = '\x1f';
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
  component_return: number | null;
  component_sharpe: number | null;
  component_drawdown: number | null;
  component_activity: number | null;
  return_pct: number;
  sharpe: number | null;
  max_drawdown_pct: number;
  trades: number;
  trading_days: number;
  updated_at: Date | string;
};

const ENTRY_COLUMNS = sql`e.position, p.handle, p.display_name, e.score, e.tier, e.eligible, e.movement_direction, e.movement_delta,
  e.component_return, e.component_sharpe, e.component_drawdown, e.component_activity,
  e.return_pct, e.sharpe, e.max_drawdown_pct, e.trades, e.trading_days, e.updated_at`;

function toEntry(r: EntryRow): Entry {
  return {
    position: r.position,
    handle: r.handle,
    displayName: r.display_name,
    score: r.score,
    tier: r.tier,
    eligible: r.eligible,
    movement: { direction: r.movement_direction, delta: r.movement_delta },
    components:
      r.component_return === null
        ? null
        : {
            return: r.component_return,
            sharpe: r.component_sharpe ?? 0,
            drawdown: r.component_drawdown ?? 0,
            activity: r.component_activity ?? 0,
          },
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
 * Inserts rows of a board in one transaction: parallel arrays bound as array literals and
 * unnested side by side in the select list (one ProjectSet node, no per-row JSON).
 */
async function insertBoardRows(
  db: Database,
  input: { seasonId: SeasonId; board: number; rows: readonly StoredBoardRow[]; at: Date },
): Promise<void> {
  const { seasonId, board, rows, at } = input;
  const column = <T extends string | number | boolean | null>(pick: (r: StoredBoardRow) => T) =>
    arrayLiteral(rows.map(pick));
  const component = (c: ranking.Component) => column((r) => r.components?.[c] ?? null);
  const instruments = (r: StoredBoardRow) =>
    r.instruments.map((x) => x.replaceAll(INSTRUMENT_SEPARATOR, '')).join(INSTRUMENT_SEPARATOR);
  await db.transaction(async (tx) => {
    // A board not yet ready: a crash before the flush costs one recompute, not data.
    await tx.execute(sql`set local synchronous_commit = off`);
    await tx.execute(sql`
      insert into leaderboard_entries (board, season_id, user_id, position, eligible, score, tier, component_return, component_sharpe,
        component_drawdown, component_activity, return_pct, sharpe, max_drawdown_pct, trades, trading_days, style, instruments,
        movement_direction, movement_delta, updated_at)
      select ${board}, ${seasonId}, u, p, e, s, t, cr, cs, cd, ca, rp, sh, dd, n, d, st, string_to_array(i, ${INSTRUMENT_SEPARATOR}), md, mv,
        ${at.toISOString()}::timestamptz
      from (select unnest(${column((r) => r.traderId)}::uuid[]) u, unnest(${column((r) => r.position)}::int[]) p,
        unnest(${column((r) => r.eligible)}::bool[]) e, unnest(${column((r) => r.score)}::float8[]) s,
        unnest(${column((r) => r.tier)}::text[]) t,
        unnest(${component('return')}::float8[]) cr, unnest(${component('sharpe')}::float8[]) cs,
        unnest(${component('drawdown')}::float8[]) cd, unnest(${component('activity')}::float8[]) ca,
        unnest(${column((r) => r.performance.returnPct)}::float8[]) rp, unnest(${column((r) => r.performance.sharpe)}::float8[]) sh,
        unnest(${column((r) => r.performance.maxDrawdownPct)}::float8[]) dd, unnest(${column((r) => r.performance.tradeCount)}::int[]) n,
        unnest(${column((r) => r.performance.tradingDays)}::int[]) d, unnest(${column((r) => r.performance.style)}::text[]) st,
        unnest(${column(instruments)}::text[]) i,
        unnest(${column((r) => r.movement.direction)}::text[]) md, unnest(${column((r) => r.movement.delta)}::int[]) mv) x`);
  });
}

/**
 * Deletes a season's boards older than `board` (also rows whose board row a concurrent
 * recompute already deleted), or `board` itself, with their rows.
 */
async function dropBoards(db: Database, seasonId: SeasonId, board: number, which: 'older' | 'this'): Promise<void> {
  const op = sql.raw(which === 'older' ? '<' : '=');
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from leaderboard_entries where board ${op} ${board} and season_id = ${seasonId}`);
    await tx.execute(sql`delete from leaderboard_boards where id ${op} ${board} and season_id = ${seasonId}`);
  });
}

/**
 * The live leaderboard on PostgreSQL: the season read per trader (season-performances.ts),
 * the board as rows keyed (board, position) with a (board, user_id) index, so a page or a
 * rank is one indexed read of the season's current board. A recompute writes a new board
 * and switches readers to it at once (with the day's snapshot); the clan board and weekly
 * highlights derived from it are stored next (leaderboard-boards.ts). `parallelism`: the
 * concurrent queries the season read and the board write use (a pooled server: its cores).
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
          left join leaderboard_entries le on le.user_id = cm.user_id and le.board = ${currentBoard(seasonId)}
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
      const rows = rowsOf<SnapshotRow>(
        await db.execute(sql`
          select user_ids, positions, tiers from leaderboard_day_snapshots
          where season_id = ${seasonId} and day < ${day} order by day desc limit 1`),
      );
      return rows[0] ? snapshotOf(rows[0]) : null;
    },

    async saveBoard(seasonId, day, rows, at) {
      const [created] = rowsOf<{ id: number | string }>(
        await db.execute(sql`insert into leaderboard_boards (season_id, created_at) values (${seasonId}, ${at.toISOString()}::timestamptz)
          returning id`),
      );
      const board = Number(created?.id);
      try {
        // The new board's rows from `parallelism` connections at once; nobody reads them yet.
        const size = Math.ceil(rows.length / (options.parallelism ?? 1));
        // Every part settles before a failure is handled, so the clean-up sees all their rows.
        const parts = await Promise.allSettled(
          Array.from({ length: Math.ceil(rows.length / size) }, (_, i) =>
            insertBoardRows(db, { seasonId, board, rows: rows.slice(i * size, (i + 1) * size), at }),
          ),
        );
        const failed = parts.find((p) => p.status === 'rejected');
        if (failed) throw failed.reason;
        await db.transaction(async (tx) => {
          // Keep every snapshot back to the weekly climber's base (the latest one at least 7 days old).
          await tx.execute(sql`delete from leaderboard_day_snapshots where season_id = ${seasonId} and (day = ${day} or day < (
            select max(day) from leaderboard_day_snapshots where season_id = ${seasonId} and day <= ${weekBefore(day)}))`);
          await tx.execute(sql`insert into leaderboard_day_snapshots (season_id, day, user_ids, positions, tiers)
            values (${seasonId}, ${day}, ${arrayLiteral(rows.map((r) => r.traderId))}::uuid[],
              ${arrayLiteral(rows.map((r) => r.position))}::int[], ${arrayLiteral(rows.map((r) => r.tier))}::text[])`);
          // Readers switch to the whole new board at once.
          await tx.execute(sql`update leaderboard_boards set ready = true where id = ${board}`);
        });
      } catch (error) {
        await dropBoards(db, seasonId, board, 'this');
        throw error;
      }
      // Older boards (and any a failed recompute left) are no longer read.
      await dropBoards(db, seasonId, board, 'older');
    },

    async readPage(q) {
      const filters = [sql`e.board = ${currentBoard(q.seasonId)}`];
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
          select updated_at from leaderboard_entries where board = ${currentBoard(q.seasonId)} and position = 1`),
        );
        updatedAt = head[0]?.updated_at ?? null;
      }
      return { updatedAt: updatedAt === null ? null : new Date(updatedAt), items: rows.map(toEntry) };
    },

    async findEntry(seasonId, userId) {
      const rows = rowsOf<EntryRow>(
        await db.execute(sql`
        select ${ENTRY_COLUMNS} from leaderboard_entries e join profiles p on p.user_id = e.user_id
        where e.board = ${currentBoard(seasonId)} and e.user_id = ${userId}`),
      );
      return rows[0] ? toEntry(rows[0]) : null;
    },

    async findEntryByHandle(seasonId, handle) {
      const rows = rowsOf<EntryRow>(
        await db.execute(sql`
        select ${ENTRY_COLUMNS} from profiles p join leaderboard_entries e on e.user_id = p.user_id and e.board = ${currentBoard(seasonId)}
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
