import type { leaderboard } from '@clantrader/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { rowsOf } from './season-sql';

type ClanEntryRow = {
  position: number;
  clan_id: string;
  name: string;
  slug: string;
  score: number | null;
  members: number;
  eligible_members: number;
  best_member_position: number | null;
};
type HighlightRow = {
  kind: 'biggest_climber' | 'most_consistent' | 'highest_single_trade';
  value: number;
  detail: Record<string, string | number | null>;
  handle: string;
  display_name: string;
  week_starts_at: Date | string;
  updated_at: Date | string;
};
type Highlights = leaderboard.WeeklyBoardHighlights;
type Tier = leaderboard.BoardSnapshot[number]['tier'];

/** One stored day of the board: parallel arrays in position order. */
export type SnapshotRow = { user_ids: string[]; positions: number[]; tiers: (string | null)[] };

/** The day's board as rows (the arrays are parsed by every driver). */
export function snapshotOf(r: SnapshotRow): leaderboard.BoardSnapshot {
  return r.user_ids.map((traderId, i) => ({
    traderId,
    position: r.positions[i] as number,
    tier: (r.tiers[i] ?? null) as Tier,
  }));
}
type View = leaderboard.HighlightsView;

const CLAN_COLUMNS = sql`e.position, e.clan_id, c.name, c.slug, e.score, e.members, e.eligible_members, e.best_member_position`;

function toClanEntry(r: ClanEntryRow): leaderboard.ClanBoardEntry {
  return {
    position: r.position,
    clanId: r.clan_id,
    name: r.name,
    slug: r.slug,
    score: r.score === null ? null : Number(r.score),
    members: r.members,
    eligibleMembers: r.eligible_members,
    bestMemberPosition: r.best_member_position,
  };
}

/** One stored row per highlight: the headline figure in `value`, the rest in `detail`. */
function highlightRows(h: Highlights) {
  const rows: { kind: HighlightRow['kind']; u: string; v: number; d: Record<string, string | number> }[] = [];
  if (h.biggestClimber) {
    const { traderId, places, ...d } = h.biggestClimber;
    rows.push({ kind: 'biggest_climber', u: traderId, v: places, d });
  }
  if (h.mostConsistent) {
    const { traderId, profitableDays, ...d } = h.mostConsistent;
    rows.push({ kind: 'most_consistent', u: traderId, v: profitableDays, d });
  }
  if (h.highestSingleTrade) {
    const { traderId, returnPct, ...d } = h.highestSingleTrade;
    rows.push({ kind: 'highest_single_trade', u: traderId, v: returnPct, d });
  }
  return rows;
}

const num = (v: unknown) => Number(v);
const str = (v: unknown) => String(v);

function toView(rows: readonly HighlightRow[]): View | null {
  const first = rows[0];
  if (!first) return null;
  const find = (kind: HighlightRow['kind']) => rows.find((r) => r.kind === kind);
  const who = (r: HighlightRow) => ({ handle: r.handle, displayName: r.display_name });
  const climber = find('biggest_climber');
  const steady = find('most_consistent');
  const trade = find('highest_single_trade');
  return {
    weekStartsAt: new Date(first.week_starts_at).toISOString(),
    updatedAt: new Date(first.updated_at).toISOString(),
    biggestClimber: climber
      ? {
          ...who(climber),
          places: num(climber.value),
          position: num(climber.detail.position),
          previousPosition: num(climber.detail.previousPosition),
          since: str(climber.detail.since),
        }
      : null,
    mostConsistent: steady
      ? {
          ...who(steady),
          profitableDays: num(steady.value),
          losingDays: num(steady.detail.losingDays),
          tradingDays: num(steady.detail.tradingDays),
          returnPct: num(steady.detail.returnPct),
        }
      : null,
    highestSingleTrade: trade
      ? {
          ...who(trade),
          returnPct: num(trade.value),
          symbol: str(trade.detail.symbol),
          closedAt: str(trade.detail.closedAt),
        }
      : null,
  };
}

/**
 * The boards derived from the trader board at recompute time (clan board, weekly
 * highlights) and the week base snapshot they read. Every read a page
 * makes is one indexed read: the edge has no cache.
 */
export function createDerivedBoards(
  db: Database,
): Pick<
  leaderboard.LeaderboardStore,
  'weekBaseSnapshot' | 'saveClanBoard' | 'readClanBoard' | 'findClanEntry' | 'saveHighlights' | 'readHighlights'
> {
  return {
    async weekBaseSnapshot(seasonId, weekAgo, day) {
      const rows = rowsOf<SnapshotRow & { day: string }>(
        await db.execute(sql`
          select day, user_ids, positions, tiers from leaderboard_day_snapshots
          where season_id = ${seasonId} and day = coalesce(
            (select max(day) from leaderboard_day_snapshots where season_id = ${seasonId} and day <= ${weekAgo}),
            (select min(day) from leaderboard_day_snapshots where season_id = ${seasonId} and day < ${day}))`),
      );
      const base = rows[0];
      return base ? { day: base.day, rows: snapshotOf(base) } : null;
    },

    async saveClanBoard(seasonId, rows, at) {
      const payload = JSON.stringify(
        rows.map((r) => ({
          c: r.clanId,
          p: r.position,
          s: r.score,
          m: r.members,
          e: r.eligibleMembers,
          b: r.bestMemberPosition,
        })),
      );
      await db.transaction(async (tx) => {
        await tx.execute(sql`delete from leaderboard_clan_entries where season_id = ${seasonId}`);
        await tx.execute(sql`
          insert into leaderboard_clan_entries (season_id, clan_id, position, score, members, eligible_members, best_member_position, updated_at)
          select ${seasonId}, x.c, x.p, x.s, x.m, x.e, x.b, ${at.toISOString()}::timestamptz
          from json_to_recordset(${payload}::json) as x(c uuid, p int, s float8, m int, e int, b int)`);
      });
    },

    async readClanBoard(seasonId) {
      const rows = rowsOf<ClanEntryRow>(
        await db.execute(sql`
          select ${CLAN_COLUMNS} from leaderboard_clan_entries e join clans c on c.id = e.clan_id
          where e.season_id = ${seasonId} order by e.position`),
      );
      return rows.map(toClanEntry);
    },

    async findClanEntry(seasonId, clanId) {
      const rows = rowsOf<ClanEntryRow>(
        await db.execute(sql`
          select ${CLAN_COLUMNS} from leaderboard_clan_entries e join clans c on c.id = e.clan_id
          where e.season_id = ${seasonId} and e.clan_id = ${clanId}`),
      );
      return rows[0] ? toClanEntry(rows[0]) : null;
    },

    async saveHighlights(seasonId, { weekStartsAt, highlights }, at) {
      const payload = JSON.stringify(highlightRows(highlights));
      await db.transaction(async (tx) => {
        await tx.execute(sql`delete from leaderboard_highlights where season_id = ${seasonId}`);
        await tx.execute(sql`
          insert into leaderboard_highlights (season_id, kind, user_id, value, detail, week_starts_at, updated_at)
          select ${seasonId}, x.kind, x.u, x.v, x.d, ${weekStartsAt.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
          from json_to_recordset(${payload}::json) as x(kind text, u uuid, v float8, d jsonb)`);
      });
    },

    async readHighlights(seasonId) {
      const rows = rowsOf<HighlightRow>(
        await db.execute(sql`
          select h.kind, h.value, h.detail, p.handle, p.display_name, h.week_starts_at, h.updated_at
          from leaderboard_highlights h join profiles p on p.user_id = h.user_id
          where h.season_id = ${seasonId} order by h.kind`),
      );
      return toView(rows);
    },
  };
}
