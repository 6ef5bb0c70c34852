import type { ai, Clock, KeyStats } from '@clantrader/core';
import { and, count, countDistinct, desc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { profiles, statements, trades, tradingAccounts } from '../schema/index';
import { createAiClanData } from './ai-clan-data';
import { createStatementStore } from './statement-store';

const WINDOW_MS = { '24h': 86_400_000, '7d': 7 * 86_400_000 } as const;

/**
 * The assistant's data port: verified trader stats from the statement-upload tables,
 * trending instruments from merged trades of verified statements, and clans
 * (`ai-clan-data.ts`): the clan season board, clan stats, verified results per window for
 * rival analysis and summaries, and the free-agent market. A clan's tag is its slug.
 * Unverified numbers are never returned.
 */
export function createAiDataSource(db: Database, clock: Clock): ai.AiDataSource {
  const store = createStatementStore(db);
  const clanData = createAiClanData(db, clock, store);

  async function publicStats(userId: string): Promise<ai.TraderPublicStats | null> {
    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, userId)).limit(1);
    if (!profile) return null;
    const latest = (await store.listLatestVerified(userId)).filter((s) => s.verifiedAt !== null);
    latest.sort((a, b) => (b.verifiedAt?.getTime() ?? 0) - (a.verifiedAt?.getTime() ?? 0));
    const newest = latest[0];
    if (!newest) return null;
    const stats: KeyStats = newest.report.stats;
    return {
      handle: profile.handle,
      style: profile.tradingStyle,
      topPairs: newest.report.instruments.slice(0, 5),
      returnPct: round(stats.timeWeightedReturnPct ?? stats.absoluteGainPct ?? 0),
      maxDrawdownPct: round(stats.maxDrawdownPct),
      verification: latest.some((s) => s.label === 'broker_verified') ? 'broker-verified' : 'self-reported',
      trades: stats.tradeCount,
      winRatePct: round(stats.winRatePct ?? 0),
      profitFactor: round(stats.profitFactor ?? 0),
      // Ranking tiers arrive with the leaderboard; until then every trader is unranked.
      tier: 'unranked',
    };
  }

  return {
    topClans: clanData.topClans,
    async trendingInstruments(q) {
      const since = new Date(clock.now().getTime() - WINDOW_MS[q.window]);
      const wins = sql<number>`count(*) filter (where ${trades.profit} > 0)`.mapWith(Number);
      const rows = await db
        .select({
          symbol: trades.symbol,
          traders: countDistinct(tradingAccounts.userId),
          trades: count(),
          wins,
        })
        .from(trades)
        .innerJoin(statements, eq(trades.statementId, statements.id))
        .innerJoin(tradingAccounts, eq(trades.tradingAccountId, tradingAccounts.id))
        .where(and(eq(statements.status, 'verified'), gte(statements.verifiedAt, since)))
        .groupBy(trades.symbol)
        .orderBy(desc(countDistinct(tradingAccounts.userId)), desc(count()))
        .limit(q.limit);
      return rows.map((r) => ({
        symbol: r.symbol,
        traders: r.traders,
        trades: r.trades,
        winRatePct: r.trades ? round((100 * r.wins) / r.trades) : 0,
      }));
    },
    async searchTraders(q) {
      const where = q.style ? eq(profiles.tradingStyle, q.style) : undefined;
      const candidates = await db
        .selectDistinct({ userId: profiles.userId })
        .from(profiles)
        .innerJoin(statements, and(eq(statements.userId, profiles.userId), eq(statements.status, 'verified')))
        .where(where)
        .limit(Math.min(200, q.limit * 10));
      const cards: ai.TraderCard[] = [];
      for (const c of candidates) {
        const s = await publicStats(c.userId);
        if (!s) continue;
        if (q.pair && !s.topPairs.includes(q.pair.toUpperCase())) continue;
        if (q.maxDrawdownPct !== null && s.maxDrawdownPct > q.maxDrawdownPct) continue;
        const { trades: _t, winRatePct: _w, profitFactor: _p, tier: _r, ...card } = s;
        cards.push(card);
      }
      return cards.sort((a, b) => b.returnPct - a.returnPct).slice(0, q.limit);
    },
    async findTrader(handle) {
      const rows = await db
        .select({ userId: profiles.userId, handle: profiles.handle })
        .from(profiles)
        .where(eq(profiles.handle, handle.replace(/^@/, '').toLowerCase()))
        .limit(1);
      return rows[0] ?? null;
    },
    traderPublicStats: publicStats,
    async traderPrivateStats(userId) {
      const pub = await publicStats(userId);
      if (!pub) return null;
      const latest = await store.listLatestVerified(userId);
      const newest = latest.sort((a, b) => (b.verifiedAt?.getTime() ?? 0) - (a.verifiedAt?.getTime() ?? 0))[0];
      return {
        ...pub,
        balanceMinor: newest?.report.stats.finalBalance ?? 0,
        currency: newest?.report.account.currency ?? 'USD',
        // Statements hold closed trades only; live positions need a broker link (later).
        openPositions: [],
      };
    },
    findClan: clanData.findClan,
    clanPublicStats: clanData.clanPublicStats,
    clanPrivateStats: clanData.clanPrivateStats,
    searchFreeAgents: clanData.searchFreeAgents,
    clanActivity: clanData.clanActivity,
    clanActivityPrivate: clanData.clanActivityPrivate,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
