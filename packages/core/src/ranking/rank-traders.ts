import { DomainError } from '../shared/domain-error';
import { assignTier } from './assign-tier';
import { checkEligibility } from './check-eligibility';
import { compareTieBreak, roundScore } from './compare-traders';
import {
  type Component,
  DEFAULT_RANKING_RULES,
  type RankedTrader,
  type RankingRules,
  SCORE_WEIGHTS,
  type TraderPerformance,
} from './model';
import { percentileRanks } from './percentile-ranks';

/** The raw value each component is percentile-ranked on; higher is better for all four. */
const COMPONENT_VALUE: Record<Component, (p: TraderPerformance) => number> = {
  return: (p) => p.returnPct,
  sharpe: (p) => p.sharpe ?? 0,
  drawdown: (p) => -p.maxDrawdownPct,
  activity: (p) => p.tradingDays,
};

const COMPONENTS = Object.keys(SCORE_WEIGHTS) as Component[];

function scoreCohort(cohort: TraderPerformance[]): { score: number; components: Record<Component, number> }[] {
  const pct = COMPONENTS.map((c) => percentileRanks(cohort.map(COMPONENT_VALUE[c])));
  return cohort.map((_, i) => {
    const components = {} as Record<Component, number>;
    let sum = 0;
    COMPONENTS.forEach((c, k) => {
      const value = pct[k]?.[i] as number;
      components[c] = value;
      sum += SCORE_WEIGHTS[c] * value;
    });
    return { score: roundScore(sum), components };
  });
}

function assertUniqueIds(perfs: readonly TraderPerformance[]): void {
  const seen = new Set<string>();
  for (const p of perfs) {
    if (seen.has(p.traderId))
      throw new DomainError('validation.failed', `trader ${p.traderId} appears twice in one cohort`);
    seen.add(p.traderId);
  }
}

/**
 * The season leaderboard. Eligible traders (see `checkEligibility`) are scored against
 * each other only: score = 40% return + 25% Sharpe + 20% drawdown (inverted) + 15%
 * activity, each as a mid-rank percentile within the eligible cohort, so the score is
 * 0..100 and the cohort's scores average 50. Order: eligible by score, then the
 * tie-break (`compareTieBreak`); then every ineligible trader by the tie-break alone.
 * Deterministic and independent of input order.
 * @throws DomainError `validation.failed` when a trader id appears twice.
 */
export function rankTraders(
  perfs: readonly TraderPerformance[],
  rules: RankingRules = DEFAULT_RANKING_RULES,
): RankedTrader[] {
  assertUniqueIds(perfs);
  const withReasons = perfs.map((p) => ({ p, reasons: checkEligibility(p, rules) }));
  const eligible = withReasons.filter((x) => x.reasons.length === 0).map((x) => x.p);
  const scored = scoreCohort(eligible);
  const scorePct = percentileRanks(scored.map((s) => s.score));
  const rows: RankedTrader[] = eligible.map((p, i) => {
    const s = scored[i] as (typeof scored)[number];
    const percentile = scorePct[i] as number;
    return {
      traderId: p.traderId,
      position: 0,
      eligible: true,
      ineligibleReasons: [],
      score: s.score,
      components: s.components,
      scorePercentile: percentile,
      tier: assignTier(percentile, p),
      performance: p,
    };
  });
  rows.sort((a, b) => (b.score as number) - (a.score as number) || compareTieBreak(a.performance, b.performance));
  const others = withReasons
    .filter((x) => x.reasons.length > 0)
    .sort((a, b) => compareTieBreak(a.p, b.p))
    .map(({ p, reasons }): RankedTrader => ({
      traderId: p.traderId,
      position: 0,
      eligible: false,
      ineligibleReasons: reasons,
      score: null,
      components: null,
      scorePercentile: null,
      tier: null,
      performance: p,
    }));
  const ranked = rows.concat(others);
  ranked.forEach((r, i) => {
    r.position = i + 1;
  });
  return ranked;
}
