import type { TradingStyle } from '../../ranking/model';

export type ClanCard = { tag: string; name: string; rank: number; score: number; members: number };
export type InstrumentTrend = { symbol: string; traders: number; trades: number; winRatePct: number };
export type TraderCard = {
  handle: string;
  style: TradingStyle | null;
  topPairs: string[];
  returnPct: number;
  maxDrawdownPct: number;
  verification: 'self-reported' | 'broker-verified';
};
/** What anyone may see about a trader: verified, aggregated figures. */
export type TraderPublicStats = TraderCard & { trades: number; winRatePct: number; profitFactor: number; tier: string };
/** Only the trader themself: account-level figures and open exposure. */
export type TraderPrivateStats = TraderPublicStats & {
  balanceMinor: number;
  currency: string;
  openPositions: { symbol: string; lots: number }[];
};
/** What anyone may see about a clan. */
export type ClanPublicStats = ClanCard & { returnPct: number; maxDrawdownPct: number; season: string };
/** Only its members: per-member breakdown and internal notes. */
export type ClanPrivateStats = ClanPublicStats & {
  memberBreakdown: { handle: string; returnPct: number }[];
  notes: string;
};

/**
 * Read-only data the assistant's tools may use; the data layer implements it. Public and
 * private reads are separate methods so a tool cannot leak private data by accident:
 * the registry calls a private method only after the caller passed the authorisation rule.
 */
export interface AiDataSource {
  topClans(q: { limit: number; period: 'season' | 'week' }): Promise<ClanCard[]>;
  trendingInstruments(q: { limit: number; window: '24h' | '7d' }): Promise<InstrumentTrend[]>;
  searchTraders(q: {
    style: TradingStyle | null;
    pair: string | null;
    maxDrawdownPct: number | null;
    limit: number;
  }): Promise<TraderCard[]>;
  findTrader(handle: string): Promise<{ userId: string; handle: string } | null>;
  traderPublicStats(userId: string): Promise<TraderPublicStats | null>;
  traderPrivateStats(userId: string): Promise<TraderPrivateStats | null>;
  findClan(tag: string): Promise<{ clanId: string; tag: string } | null>;
  clanPublicStats(clanId: string): Promise<ClanPublicStats | null>;
  clanPrivateStats(clanId: string): Promise<ClanPrivateStats | null>;
}
