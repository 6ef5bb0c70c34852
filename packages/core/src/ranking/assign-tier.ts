import type { Tier, TraderPerformance } from './model';

type TierRule = { tier: Tier; minScorePercentile: number; minReturnPct: number | null; maxDrawdownPct: number | null };

/**
 * Tier thresholds, best first: a trader gets the first tier whose score percentile
 * (within the season's eligible cohort) AND absolute conditions they meet, so a top
 * percentile without real gains cannot be Legendary. `minReturnPct` is inclusive except
 * Gold's 0, which demands a strictly positive return.
 */
export const TIER_RULES: readonly TierRule[] = [
  { tier: 'legendary', minScorePercentile: 98, minReturnPct: 10, maxDrawdownPct: 10 },
  { tier: 'diamond', minScorePercentile: 90, minReturnPct: 5, maxDrawdownPct: 20 },
  { tier: 'gold', minScorePercentile: 70, minReturnPct: 0, maxDrawdownPct: null },
  { tier: 'silver', minScorePercentile: 40, minReturnPct: null, maxDrawdownPct: null },
  { tier: 'bronze', minScorePercentile: 0, minReturnPct: null, maxDrawdownPct: null },
];

function meets(rule: TierRule, scorePercentile: number, p: TraderPerformance): boolean {
  if (scorePercentile < rule.minScorePercentile) return false;
  if (rule.minReturnPct !== null) {
    const ok = rule.minReturnPct === 0 ? p.returnPct > 0 : p.returnPct >= rule.minReturnPct;
    if (!ok) return false;
  }
  return rule.maxDrawdownPct === null || p.maxDrawdownPct <= rule.maxDrawdownPct;
}

/** The tier of an eligible trader; Bronze is the floor, so this always returns one. */
export function assignTier(scorePercentile: number, performance: TraderPerformance): Tier {
  return TIER_RULES.find((r) => meets(r, scorePercentile, performance))?.tier ?? 'bronze';
}
