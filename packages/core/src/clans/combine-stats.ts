import type { KeyStats } from '../statement-uploads/model';

/** One currently verified trading account of a member. */
export type VerifiedAccount = {
  currency: string | null;
  stats: Pick<KeyStats, 'tradeCount' | 'netProfit' | 'winRatePct' | 'maxDrawdownPct' | 'timeWeightedReturnPct'>;
};

/** A member and their verified accounts; an empty list means "not verified" and counts nowhere. */
export type MemberAccounts = { userId: string; accounts: VerifiedAccount[] };

/** How a clan's verified members add up (docs/clans.md, "Combined stats"). */
export type CombinedStats = {
  verifiedMembers: number;
  tradeCount: number;
  /** Trade-count-weighted mean of the accounts' win rates; null without trades. */
  winRatePct: number | null;
  /** Sum of net profit per currency, in that currency's minor units; never across currencies. */
  netProfit: { currency: string; amount: number }[];
  /** The largest max drawdown of any verified account. */
  worstDrawdownPct: number | null;
  /** Median over members of each member's trade-weighted time-weighted return. */
  medianGainPct: number | null;
};

/**
 * Combines the verified accounts of a clan's members. Only members with at least one
 * currently verified account count. Money is summed per currency only; percentages are
 * rounded to 2 decimals at the end.
 */
export function combineStats(members: readonly MemberAccounts[]): CombinedStats {
  const verified = members.filter((m) => m.accounts.length > 0);
  const accounts = verified.flatMap((m) => m.accounts);
  const tradeCount = accounts.reduce((n, a) => n + a.stats.tradeCount, 0);
  const rated = accounts.filter((a) => a.stats.winRatePct !== null && a.stats.tradeCount > 0);
  const ratedTrades = rated.reduce((n, a) => n + a.stats.tradeCount, 0);
  const winRate =
    ratedTrades > 0
      ? rated.reduce((s, a) => s + (a.stats.winRatePct ?? 0) * a.stats.tradeCount, 0) / ratedTrades
      : null;
  const gains = verified.map((m) => memberGain(m.accounts)).filter((g): g is number => g !== null);
  return {
    verifiedMembers: verified.length,
    tradeCount,
    winRatePct: round2(winRate),
    netProfit: sumByCurrency(accounts),
    worstDrawdownPct: accounts.length > 0 ? Math.max(...accounts.map((a) => a.stats.maxDrawdownPct)) : null,
    medianGainPct: round2(median(gains)),
  };
}

/** A member's gain: their accounts' time-weighted returns, weighted by trade count. */
function memberGain(accounts: readonly VerifiedAccount[]): number | null {
  const withReturn = accounts.filter((a) => a.stats.timeWeightedReturnPct !== null && a.stats.tradeCount > 0);
  const trades = withReturn.reduce((n, a) => n + a.stats.tradeCount, 0);
  if (trades === 0) return null;
  return withReturn.reduce((s, a) => s + (a.stats.timeWeightedReturnPct ?? 0) * a.stats.tradeCount, 0) / trades;
}

function sumByCurrency(accounts: readonly VerifiedAccount[]): { currency: string; amount: number }[] {
  const sums = new Map<string, number>();
  for (const a of accounts) {
    if (a.currency) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.stats.netProfit);
  }
  return [...sums].sort(([x], [y]) => x.localeCompare(y)).map(([currency, amount]) => ({ currency, amount }));
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

function round2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
