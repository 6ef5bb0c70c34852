import type { TradingStyle, Tier } from '../../ranking/model';

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

/** A verified trader in no clan, as the recruiting tool sees them (public market data, no user id). */
export type FreeAgentCard = {
  handle: string;
  displayName: string;
  style: TradingStyle | null;
  preferredPairs: string[];
  tradedInstruments: string[];
  session: 'asian' | 'london' | 'new_york' | 'any' | null;
  maxDrawdownPct: number;
  riskLevel: 'low' | 'medium' | 'high';
  tier: Tier | null;
  verification: 'self-reported' | 'broker-verified';
};

/** The free-agent market filter (docs/clans.md) plus a drawdown ceiling. */
export type FreeAgentSearch = {
  style: TradingStyle | null;
  pair: string | null;
  tier: Tier | null;
  risk: 'low' | 'medium' | 'high' | null;
  session: 'asian' | 'london' | 'new_york' | null;
  maxDrawdownPct: number | null;
  limit: number;
};

/** A time window [from, to) of verified results. */
export type ActivityWindow = { from: Date; to: Date };

/**
 * What anyone may see about a clan's verified results in one window: trades closed in it
 * by current members' verified accounts, the median member return and the worst drawdown
 * inside the window, who joined during it. No per-member figures.
 */
export type ClanActivity = {
  tag: string;
  name: string;
  from: string;
  to: string;
  members: number;
  verifiedMembers: number;
  /** Handles of current members who joined inside the window. */
  joined: string[];
  trades: number;
  winRatePct: number | null;
  /** Median over members of each member's return in the window (percent of balance at its start). */
  returnPct: number | null;
  /** Worst peak-to-trough fall of any member account inside the window, percent. */
  maxDrawdownPct: number | null;
};

/** Only the clan's members: the same window per member, best first. */
export type ClanActivityPrivate = ClanActivity & {
  contributors: { handle: string; trades: number; returnPct: number | null; maxDrawdownPct: number | null }[];
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
  /** Free agents (verified, in no clan) matching the filter, lowest drawdown first. */
  searchFreeAgents(q: FreeAgentSearch): Promise<FreeAgentCard[]>;
  /** Public verified results of a clan in a window; null when the clan is unknown. */
  clanActivity(clanId: string, window: ActivityWindow): Promise<ClanActivity | null>;
  /** The same with per-member figures: call only after the caller proved membership. */
  clanActivityPrivate(clanId: string, window: ActivityWindow): Promise<ClanActivityPrivate | null>;
}
