import { clans as coreClans, leaderboard, seasons, type ai, type StatementStore } from '@clantrader/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { listFreeAgents } from './clan-store-free-agents';
import { createLeaderboardStore } from './leaderboard-store';
import { rowsOf } from './season-sql';

type WindowRow = {
  clan_id: string;
  user_id: string;
  handle: string;
  account_id: string;
  start_balance: number;
  net: number;
  trades: number;
  wins: number;
};
type TradeRow = { account_id: string; net: number };

/** The clan half of the AI data port (docs/ai.md §7a): season board, windows, free agents. */
export function createAiClanData(
  db: Database,
  clock: { now(): Date },
  store: Pick<StatementStore, 'listLatestVerified'>,
) {
  const boardStore = createLeaderboardStore(db);
  /** The season board of clans (`leaderboard.getClanLeaderboard`, docs/ranking.md). */
  async function seasonBoard(): Promise<{ seasonId: string; clans: leaderboard.ClanBoardEntry[] }> {
    const seasonId = seasons.seasonFor(clock.now()).id;
    const { items } = await leaderboard.getClanLeaderboard({ store: boardStore }, { seasonId });
    return { seasonId, clans: items };
  }

  /**
   * Per verified account of each current member of the clans (all active clans when
   * `clanIds` is null): balance at `from` and the trades closed in [from, to). Bounds are
   * moved into each account's server time (offset of its newest verified report), as the
   * season board does. "Verified account": its owner has a verified statement of it.
   */
  async function windowRows(clanIds: string[] | null, w: ai.ActivityWindow): Promise<WindowRow[]> {
    const only: SQL = clanIds
      ? sql`and cm.clan_id in (${sql.join(
          clanIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
    return rowsOf<WindowRow>(
      await db.execute(sql`
        with acct as (
          select cm.clan_id, cm.user_id, p.handle, ta.id as account_id,
            to_char((${w.from.toISOString()}::timestamptz at time zone 'UTC') + make_interval(mins => v.off), 'YYYY-MM-DD"T"HH24:MI:SS') as lo,
            to_char((${w.to.toISOString()}::timestamptz at time zone 'UTC') + make_interval(mins => v.off), 'YYYY-MM-DD"T"HH24:MI:SS') as hi
          from clan_members cm
          join clans c on c.id = cm.clan_id and c.disbanded_at is null
          join profiles p on p.user_id = cm.user_id
          join trading_accounts ta on ta.user_id = cm.user_id
          cross join lateral (
            select coalesce((s.report->'account'->>'serverUtcOffsetMinutes')::int, 0) as off
            from statements s
            where s.trading_account_id = ta.id and s.user_id = ta.user_id and s.status = 'verified'
            order by s.verified_at desc nulls last limit 1
          ) v
          where true ${only}
        )
        select a.clan_id, a.user_id, a.handle, a.account_id,
          (coalesce((select sum(b.amount) from balance_operations b where b.trading_account_id = a.account_id and b.time < a.lo), 0)
            + coalesce((select sum(t.profit + t.swap + t.commission + t.fee) from trades t
                        where t.trading_account_id = a.account_id and t.close_time < a.lo), 0))::float8 as start_balance,
          coalesce(x.net, 0)::float8 as net, coalesce(x.trades, 0)::int as trades, coalesce(x.wins, 0)::int as wins
        from acct a
        left join lateral (
          select sum(t.profit + t.swap + t.commission + t.fee) as net, count(*) as trades,
            count(*) filter (where t.profit + t.swap + t.commission + t.fee > 0) as wins
          from trades t
          where t.trading_account_id = a.account_id and t.close_time >= a.lo and t.close_time < a.hi
        ) x on true
        order by a.clan_id, a.handle, a.account_id`),
    ).map((r) => ({
      ...r,
      start_balance: Number(r.start_balance),
      net: Number(r.net),
      trades: Number(r.trades),
      wins: Number(r.wins),
    }));
  }

  /** Each account's worst fall from a running peak inside the window, percent of that peak. */
  async function windowDrawdowns(rows: WindowRow[], w: ai.ActivityWindow): Promise<Map<string, number>> {
    const traded = rows.filter((r) => r.trades > 0);
    const out = new Map<string, number>();
    if (traded.length === 0) return out;
    const ids = sql.join(
      traded.map((r) => sql`${r.account_id}`),
      sql`, `,
    );
    const trades = rowsOf<TradeRow>(
      await db.execute(sql`
        with acct as (
          select ta.id,
            to_char((${w.from.toISOString()}::timestamptz at time zone 'UTC') + make_interval(mins => v.off), 'YYYY-MM-DD"T"HH24:MI:SS') as lo,
            to_char((${w.to.toISOString()}::timestamptz at time zone 'UTC') + make_interval(mins => v.off), 'YYYY-MM-DD"T"HH24:MI:SS') as hi
          from trading_accounts ta
          cross join lateral (
            select coalesce((s.report->'account'->>'serverUtcOffsetMinutes')::int, 0) as off
            from statements s where s.trading_account_id = ta.id and s.status = 'verified'
            order by s.verified_at desc nulls last limit 1
          ) v
          where ta.id in (${ids})
        )
        select t.trading_account_id as account_id, (t.profit + t.swap + t.commission + t.fee)::float8 as net
        from acct a join trades t on t.trading_account_id = a.id and t.close_time >= a.lo and t.close_time < a.hi
        order by t.trading_account_id, t.close_time, t.id`),
    );
    const start = new Map(traded.map((r) => [r.account_id, r.start_balance]));
    const state = new Map<string, { equity: number; peak: number }>();
    for (const t of trades) {
      const s = state.get(t.account_id) ?? { equity: start.get(t.account_id) ?? 0, peak: start.get(t.account_id) ?? 0 };
      s.equity += Number(t.net);
      s.peak = Math.max(s.peak, s.equity);
      state.set(t.account_id, s);
      if (s.peak > 0) out.set(t.account_id, Math.max(out.get(t.account_id) ?? 0, ((s.peak - s.equity) / s.peak) * 100));
    }
    return out;
  }

  /** Per member: trade-weighted mean of their accounts' window returns (0 when idle), and figures. */
  function members(rows: WindowRow[], dd: Map<string, number>) {
    const byUser = new Map<string, WindowRow[]>();
    for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
    return [...byUser.values()].map((accounts) => {
      const first = accounts[0] as WindowRow;
      const funded = accounts.filter((a) => a.start_balance > 0);
      const trades = accounts.reduce((n, a) => n + a.trades, 0);
      const weighted = funded.filter((a) => a.trades > 0);
      const weight = weighted.reduce((n, a) => n + a.trades, 0);
      const returnPct =
        funded.length === 0
          ? null
          : weight === 0
            ? 0
            : weighted.reduce((s, a) => s + ((a.net / a.start_balance) * 100 * a.trades) / weight, 0);
      const drawdowns = accounts.map((a) => dd.get(a.account_id)).filter((d): d is number => d !== undefined);
      return {
        userId: first.user_id,
        handle: first.handle,
        trades,
        wins: accounts.reduce((n, a) => n + a.wins, 0),
        /** Unrounded: medians are taken before rounding. */
        returnPct,
        maxDrawdownPct: drawdowns.length ? round(Math.max(...drawdowns)) : trades > 0 ? 0 : null,
      };
    });
  }

  async function activity(clanId: string, w: ai.ActivityWindow): Promise<ai.ClanActivityPrivate | null> {
    const clan = rowsOf<{ name: string; slug: string; members: number }>(
      await db.execute(sql`
        select c.name, c.slug, (select count(*)::int from clan_members m where m.clan_id = c.id) as members
        from clans c where c.id = ${clanId} and c.disbanded_at is null`),
    )[0];
    if (!clan) return null;
    const joined = rowsOf<{ handle: string }>(
      await db.execute(sql`
        select p.handle from clan_members m join profiles p on p.user_id = m.user_id
        where m.clan_id = ${clanId} and m.joined_at >= ${w.from.toISOString()} and m.joined_at < ${w.to.toISOString()}
        order by m.joined_at, p.handle`),
    ).map((r) => r.handle);
    const rows = await windowRows([clanId], w);
    const per = members(rows, await windowDrawdowns(rows, w));
    const trades = per.reduce((n, m) => n + m.trades, 0);
    const wins = per.reduce((n, m) => n + m.wins, 0);
    const drawdowns = per.map((m) => m.maxDrawdownPct).filter((d): d is number => d !== null);
    return {
      tag: clan.slug,
      name: clan.name,
      from: w.from.toISOString(),
      to: w.to.toISOString(),
      members: Number(clan.members),
      verifiedMembers: per.length,
      joined,
      trades,
      winRatePct: trades > 0 ? round((100 * wins) / trades) : null,
      returnPct: round(median(per.map((m) => m.returnPct).filter((r): r is number => r !== null))),
      maxDrawdownPct: drawdowns.length ? Math.max(...drawdowns) : null,
      contributors: per
        .map(({ handle, trades: t, returnPct, maxDrawdownPct }) => ({
          handle,
          trades: t,
          returnPct: round(returnPct),
          maxDrawdownPct,
        }))
        .sort((a, b) => (b.returnPct ?? -Infinity) - (a.returnPct ?? -Infinity) || a.handle.localeCompare(b.handle)),
    };
  }

  async function publicStats(
    clanId: string,
  ): Promise<(ai.ClanPublicStats & { breakdown: ai.ClanPrivateStats['memberBreakdown'] }) | null> {
    const board = await seasonBoard();
    const row = board.clans.find((c) => c.clanId === clanId);
    if (!row) return null;
    const ids = rowsOf<{ user_id: string; handle: string }>(
      await db.execute(sql`
        select m.user_id, p.handle from clan_members m join profiles p on p.user_id = m.user_id
        where m.clan_id = ${clanId} order by m.joined_at, p.handle`),
    );
    const verified = await Promise.all(ids.map((m) => store.listLatestVerified(m.user_id)));
    const accounts = ids.map((m, i) => ({
      userId: m.user_id,
      accounts: (verified[i] ?? []).map((s) => ({ currency: s.report.account.currency, stats: s.report.stats })),
    }));
    const combined = coreClans.combineStats(accounts);
    const breakdown = ids.flatMap((m, i) => {
      const own = coreClans.combineStats([accounts[i] ?? { userId: m.user_id, accounts: [] }]);
      return own.medianGainPct === null ? [] : [{ handle: m.handle, returnPct: own.medianGainPct }];
    });
    return {
      tag: row.slug,
      name: row.name,
      rank: row.position,
      score: row.score ?? 0,
      members: row.members,
      returnPct: combined.medianGainPct ?? 0,
      maxDrawdownPct: combined.worstDrawdownPct ?? 0,
      season: board.seasonId,
      breakdown,
    };
  }

  return {
    async topClans(q: { limit: number; period: 'season' | 'week' }): Promise<ai.ClanCard[]> {
      const board = await seasonBoard();
      if (q.period === 'season') {
        return board.clans
          .filter((c) => c.score !== null)
          .slice(0, q.limit)
          .map((c) => ({ tag: c.slug, name: c.name, rank: c.position, score: c.score ?? 0, members: c.members }));
      }
      // The week: median member return over the last 7 days; clans without a trade are left out.
      const now = clock.now();
      const rows = await windowRows(null, { from: new Date(now.getTime() - 7 * 86_400_000), to: now });
      const byClan = new Map<string, WindowRow[]>();
      for (const r of rows) byClan.set(r.clan_id, [...(byClan.get(r.clan_id) ?? []), r]);
      const scored = board.clans.flatMap((c) => {
        const per = members(byClan.get(c.clanId) ?? [], new Map());
        const trades = per.reduce((n, m) => n + m.trades, 0);
        const ret = median(per.map((m) => m.returnPct).filter((r): r is number => r !== null));
        return trades > 0 && ret !== null ? [{ c, score: round(ret) ?? 0, trades }] : [];
      });
      scored.sort((a, b) => b.score - a.score || b.trades - a.trades || a.c.position - b.c.position);
      return scored
        .slice(0, q.limit)
        .map(({ c, score }, i) => ({ tag: c.slug, name: c.name, rank: i + 1, score, members: c.members }));
    },
    async findClan(tag: string) {
      const slug = tag.replace(/^#/, '').toLowerCase();
      const rows = rowsOf<{ id: string; slug: string }>(
        await db.execute(sql`
          select id, slug from clans where slug = ${slug} and disbanded_at is null
          order by created_at, id limit 1`),
      );
      const row = rows[0];
      return row ? { clanId: row.id, tag: row.slug } : null;
    },
    async clanPublicStats(clanId: string): Promise<ai.ClanPublicStats | null> {
      const stats = await publicStats(clanId);
      if (!stats) return null;
      const { breakdown: _b, ...pub } = stats;
      return pub;
    },
    async clanPrivateStats(clanId: string): Promise<ai.ClanPrivateStats | null> {
      const stats = await publicStats(clanId);
      if (!stats) return null;
      const { breakdown, ...pub } = stats;
      // Clans keep no internal notes (yet): the private part is the member breakdown.
      return { ...pub, memberBreakdown: breakdown, notes: '' };
    },
    async searchFreeAgents(q: ai.FreeAgentSearch): Promise<ai.FreeAgentCard[]> {
      const rows = await listFreeAgents(db, {
        seasonId: seasons.seasonFor(clock.now()).id,
        limit: 200,
        ...(q.style ? { style: q.style } : {}),
        ...(q.pair ? { pair: q.pair.toUpperCase() } : {}),
        ...(q.tier ? { tier: q.tier } : {}),
        ...(q.risk ? { drawdown: coreClans.RISK_THRESHOLDS[q.risk] } : {}),
        ...(q.session ? { session: q.session } : {}),
      });
      return rows
        .filter((r) => q.maxDrawdownPct === null || r.maxDrawdownPct <= q.maxDrawdownPct)
        .sort((a, b) => a.maxDrawdownPct - b.maxDrawdownPct || a.handle.localeCompare(b.handle))
        .slice(0, q.limit)
        .map((r) => ({
          handle: r.handle,
          displayName: r.displayName,
          style: r.tradingStyle,
          preferredPairs: r.preferredPairs,
          tradedInstruments: r.instruments.slice(0, 10),
          session: r.sessionPreference,
          maxDrawdownPct: round(r.maxDrawdownPct) ?? 0,
          riskLevel: coreClans.riskLevelOf(r.maxDrawdownPct),
          tier: r.tier,
          verification: r.label === 'broker_verified' ? 'broker-verified' : 'self-reported',
        }));
    },
    async clanActivity(clanId: string, w: ai.ActivityWindow): Promise<ai.ClanActivity | null> {
      const found = await activity(clanId, w);
      if (!found) return null;
      const { contributors: _c, ...pub } = found;
      return pub;
    },
    clanActivityPrivate: activity,
  };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

function round(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}
