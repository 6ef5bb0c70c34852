import type { AiDataSource, ClanPrivateStats, TraderPrivateStats } from '../tools/ports';

const alice: TraderPrivateStats = {
  handle: 'alice',
  style: 'swing_trader',
  topPairs: ['EURUSD', 'XAUUSD'],
  returnPct: 18.4,
  maxDrawdownPct: 6.1,
  verification: 'broker-verified',
  trades: 212,
  winRatePct: 61,
  profitFactor: 1.9,
  tier: 'Gold',
  balanceMinor: 987_654_321,
  currency: 'USD',
  openPositions: [{ symbol: 'XAUUSD', lots: 2.5 }],
};
const bob: TraderPrivateStats = {
  ...alice,
  handle: 'bob',
  style: 'scalper',
  topPairs: ['GBPUSD'],
  returnPct: 4.2,
  maxDrawdownPct: 22,
  verification: 'self-reported',
  tier: 'Silver',
  balanceMinor: 12_345,
  openPositions: [],
};
const wolf: ClanPrivateStats = {
  tag: 'WOLF',
  name: 'Wolf Pack',
  rank: 1,
  score: 87.5,
  members: 3,
  returnPct: 12.3,
  maxDrawdownPct: 8,
  season: '2026-01',
  memberBreakdown: [{ handle: 'alice', returnPct: 18.4 }],
  notes: 'SECRET-CLAN-NOTES',
};

/** A tiny platform: traders @alice (u-alice) and @bob (u-bob), clan #WOLF (c-wolf, alice's). */
export class MemoryAiData implements AiDataSource {
  readonly privateReads: string[] = [];
  private readonly traders = new Map([
    ['u-alice', alice],
    ['u-bob', bob],
  ]);
  async topClans(q: { limit: number }) {
    const { memberBreakdown: _m, notes: _n, returnPct: _r, maxDrawdownPct: _d, season: _s, ...card } = wolf;
    return [card].slice(0, q.limit);
  }
  async trendingInstruments(q: { limit: number }) {
    return [{ symbol: 'XAUUSD', traders: 40, trades: 900, winRatePct: 55 }].slice(0, q.limit);
  }
  async searchTraders(q: { style: string | null; pair: string | null; maxDrawdownPct: number | null; limit: number }) {
    return [...this.traders.values()]
      .filter((t) => (!q.style || t.style === q.style) && (!q.pair || t.topPairs.includes(q.pair)))
      .filter((t) => q.maxDrawdownPct === null || t.maxDrawdownPct <= q.maxDrawdownPct)
      .slice(0, q.limit)
      .map(({ handle, style, topPairs, returnPct, maxDrawdownPct, verification }) => ({
        handle,
        style,
        topPairs,
        returnPct,
        maxDrawdownPct,
        verification,
      }));
  }
  async findTrader(handle: string) {
    const hit = [...this.traders.entries()].find(([, t]) => t.handle === handle);
    return hit ? { userId: hit[0], handle } : null;
  }
  async traderPublicStats(userId: string) {
    const t = this.traders.get(userId);
    if (!t) return null;
    const { balanceMinor: _b, currency: _c, openPositions: _o, ...pub } = t;
    return pub;
  }
  async traderPrivateStats(userId: string) {
    this.privateReads.push(userId);
    return this.traders.get(userId) ?? null;
  }
  async findClan(tag: string) {
    return tag === 'WOLF' ? { clanId: 'c-wolf', tag } : null;
  }
  async clanPublicStats(clanId: string) {
    if (clanId !== 'c-wolf') return null;
    const { memberBreakdown: _m, notes: _n, ...pub } = wolf;
    return pub;
  }
  async clanPrivateStats(clanId: string) {
    this.privateReads.push(clanId);
    return clanId === 'c-wolf' ? wolf : null;
  }
}
