import type { IneligibleReason, RankingRules, TraderPerformance } from './model';

/**
 * The minimum-activity rule: at least `minTrades` trades on at least `minTradingDays`
 * distinct days, and a positive starting balance (percentages need one). Returns why a
 * trader cannot be ranked; empty means eligible. One lucky trade never qualifies.
 */
export function checkEligibility(p: TraderPerformance, rules: RankingRules): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (p.tradeCount < rules.minTrades) reasons.push('min_trades');
  if (p.tradingDays < rules.minTradingDays) reasons.push('min_days');
  if (p.startingBalance <= 0) reasons.push('no_balance');
  return reasons;
}
