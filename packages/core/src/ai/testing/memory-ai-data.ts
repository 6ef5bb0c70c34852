import type {
  ActivityWindow,
  AiDataSource,
  ClanActivityPrivate,
  ClanPrivateStats,
  FreeAgentCard,
  FreeAgentSearch,
  TraderPrivateStats,
} from '../tools/ports';

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

const bear: ClanPrivateStats = {
  tag: 'bear-market',
  name: 'Bear Market',
  rank: 2,
  score: 61,
  members: 2,
  returnPct: 4,
  maxDrawdownPct: 15,
  season: '2026-01',
  memberBreakdown: [{ handle: 'bob', returnPct: 4.2 }],
  notes: 'BEAR-SECRET-NOTES',
};
const CLANS = new Map([
  ['c-wolf', wolf],
  ['c-bear', bear],
]);

/** Free agents: @goldie (low risk, gold), @risky (high risk, gold), @fx_fred (EURUSD). */
const FREE_AGENTS: FreeAgentCard[] = [
  {
    handle: 'goldie',
    displayName: 'Goldie',
    style: 'swing_trader',
    preferredPairs: ['XAUUSD'],
    tradedInstruments: ['XAUUSD', 'XAGUSD'],
    session: 'london',
    maxDrawdownPct: 4.5,
    riskLevel: 'low',
    tier: 'gold',
    verification: 'broker-verified',
  },
  {
    handle: 'risky',
    displayName: 'Risky Rick',
    style: 'scalper',
    preferredPairs: ['XAUUSD'],
    tradedInstruments: ['XAUUSD'],
    session: 'any',
    maxDrawdownPct: 38,
    riskLevel: 'high',
    tier: 'silver',
    verification: 'self-reported',
  },
  {
    handle: 'fx_fred',
    displayName: 'Fred',
    style: 'day_trader',
    preferredPairs: ['EURUSD'],
    tradedInstruments: ['EURUSD'],
    session: 'new_york',
    maxDrawdownPct: 12,
    riskLevel: 'medium',
    tier: null,
    verification: 'self-reported',
  },
];

/** Verified results per clan in two weeks (the window ending at `to` is "recent" when to > 2026-01-08). */
const ACTIVITY: Record<string, { recent: ClanActivityPrivate; before: ClanActivityPrivate }> = {
  'c-wolf': {
    recent: {
      ...{ tag: 'WOLF', name: 'Wolf Pack', from: '', to: '', members: 3, verifiedMembers: 2, joined: [] },
      ...{ trades: 40, winRatePct: 50, returnPct: 1.5, maxDrawdownPct: 6 },
      contributors: [{ handle: 'alice', trades: 30, returnPct: 2.5, maxDrawdownPct: 6 }],
    },
    before: {
      ...{ tag: 'WOLF', name: 'Wolf Pack', from: '', to: '', members: 3, verifiedMembers: 2, joined: [] },
      ...{ trades: 35, winRatePct: 55, returnPct: 3, maxDrawdownPct: 4 },
      contributors: [{ handle: 'alice', trades: 20, returnPct: 4, maxDrawdownPct: 4 }],
    },
  },
  'c-bear': {
    recent: {
      ...{ tag: 'bear-market', name: 'Bear Market', from: '', to: '', members: 2, verifiedMembers: 2 },
      ...{ joined: ['newcomer'], trades: 60, winRatePct: 62, returnPct: 5.25, maxDrawdownPct: 3 },
      contributors: [{ handle: 'BEAR-SECRET-CONTRIBUTOR', trades: 50, returnPct: 9, maxDrawdownPct: 3 }],
    },
    before: {
      ...{ tag: 'bear-market', name: 'Bear Market', from: '', to: '', members: 1, verifiedMembers: 1 },
      ...{ joined: [], trades: 10, winRatePct: 40, returnPct: -1, maxDrawdownPct: 8 },
      contributors: [{ handle: 'bob', trades: 10, returnPct: -1, maxDrawdownPct: 8 }],
    },
  },
};

/**
 * A tiny platform: traders @alice (u-alice) and @bob (u-bob); clans #WOLF (c-wolf,
 * alice's; tag matched case-insensitively) and #bear-market (c-bear); three free agents.
 * `privateReads` lists every private read (user or clan id) so tests can prove none
 * happened for a refused caller.
 */
export class MemoryAiData implements AiDataSource {
  readonly privateReads: string[] = [];
  /** Every activity window asked for: [clanId, from, to, 'public' | 'private']. */
  readonly activityReads: [string, string, string, 'public' | 'private'][] = [];
  freeAgents: FreeAgentCard[] = FREE_AGENTS;
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
    const hit = [...CLANS.entries()].find(([, c]) => c.tag.toLowerCase() === tag.toLowerCase());
    return hit ? { clanId: hit[0], tag: hit[1].tag } : null;
  }
  async clanPublicStats(clanId: string) {
    const clan = CLANS.get(clanId);
    if (!clan) return null;
    const { memberBreakdown: _m, notes: _n, ...pub } = clan;
    return pub;
  }
  async clanPrivateStats(clanId: string) {
    this.privateReads.push(clanId);
    return CLANS.get(clanId) ?? null;
  }
  async searchFreeAgents(q: FreeAgentSearch) {
    return this.freeAgents
      .filter((a) => (!q.style || a.style === q.style) && (!q.tier || a.tier === q.tier))
      .filter((a) => !q.pair || a.preferredPairs.includes(q.pair) || a.tradedInstruments.includes(q.pair))
      .filter(
        (a) => (!q.risk || a.riskLevel === q.risk) && (!q.session || [q.session, 'any'].includes(a.session ?? '')),
      )
      .filter((a) => q.maxDrawdownPct === null || a.maxDrawdownPct <= q.maxDrawdownPct)
      .sort((a, b) => a.maxDrawdownPct - b.maxDrawdownPct)
      .slice(0, q.limit);
  }
  async clanActivity(clanId: string, w: ActivityWindow) {
    const found = this.activity(clanId, w, 'public');
    if (!found) return null;
    const { contributors: _c, ...pub } = found;
    return pub;
  }
  async clanActivityPrivate(clanId: string, w: ActivityWindow) {
    this.privateReads.push(clanId);
    return this.activity(clanId, w, 'private');
  }
  private activity(clanId: string, w: ActivityWindow, detail: 'public' | 'private') {
    this.activityReads.push([clanId, w.from.toISOString(), w.to.toISOString(), detail]);
    const weeks = ACTIVITY[clanId];
    if (!weeks) return null;
    // The newer of two consecutive windows is "recent" (tests use ManualClock times).
    const isRecent = !this.activityReads.some(([c, , to]) => c === clanId && to > w.to.toISOString());
    const row = isRecent ? weeks.recent : weeks.before;
    return { ...row, from: w.from.toISOString(), to: w.to.toISOString() };
  }
}
