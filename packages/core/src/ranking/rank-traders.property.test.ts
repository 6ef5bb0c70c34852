import { describe, expect, it } from 'vitest';
import { makePerformance } from './make-performance';
import type { TraderPerformance } from './model';
import { rankTraders } from './rank-traders';
import { prng } from '../testing/prng';

/** Coarse values on purpose, so ties in every component and in the score are common. */
function randomCohort(rand: () => number): TraderPerformance[] {
  const n = 1 + Math.floor(rand() * 25);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) =>
    makePerformance(`t${String(Math.floor(rand() * 1000)).padStart(3, '0')}-${i}`, {
      returnPct: pick([-20, -5, 0, 3, 3, 8, 15, 50]),
      sharpe: pick([null, -1, 0.5, 0.5, 2, 4]),
      maxDrawdownPct: pick([0, 1, 5, 5, 12, 40]),
      tradeCount: pick([1, 4, 9, 10, 25, 80]),
      tradingDays: pick([1, 3, 4, 5, 8, 20]),
      firstTradeAt: pick([null, '2026-11-02T10:00:00', '2026-11-02T10:00:00', '2026-11-09T08:30:00']),
      startingBalance: pick([0, 1_000_000, 1_000_000, 500_000]),
    }),
  );
}

function shuffle<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const RUNS = 500;

describe('rankTraders (properties over seeded random cohorts)', () => {
  it('is deterministic and independent of input order', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(seed);
      const cohort = randomCohort(rand);
      const first = rankTraders(cohort);
      expect(rankTraders(cohort)).toEqual(first);
      expect(rankTraders(shuffle(cohort, rand))).toEqual(first);
      expect(rankTraders([...cohort].reverse())).toEqual(first);
    }
  });

  it('never ranks a trader below the activity minimum above an eligible one', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const ranked = rankTraders(randomCohort(prng(seed)));
      const lastEligible = Math.max(0, ...ranked.filter((r) => r.eligible).map((r) => r.position));
      for (const r of ranked) {
        const active =
          r.performance.tradeCount >= 10 && r.performance.tradingDays >= 5 && r.performance.startingBalance > 0;
        expect(r.eligible).toBe(active);
        if (!r.eligible) expect(r.position).toBeGreaterThan(lastEligible);
      }
    }
  });

  it('numbers positions 1..n, keeps scores in 0..100 averaging 50, and orders by score then tie-break', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const ranked = rankTraders(randomCohort(prng(seed)));
      expect(ranked.map((r) => r.position)).toEqual(ranked.map((_, i) => i + 1));
      const scores = ranked.filter((r) => r.eligible).map((r) => r.score as number);
      for (const s of scores) expect(s >= 0 && s <= 100).toBe(true);
      for (let i = 1; i < scores.length; i++) expect(scores[i - 1]).toBeGreaterThanOrEqual(scores[i] as number);
      if (scores.length > 1) expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeCloseTo(50, 4);
      const ties = ranked.filter((r, i) => r.eligible && i > 0 && ranked[i - 1]?.score === r.score);
      for (const r of ties) {
        const prev = (ranked[r.position - 2] as (typeof ranked)[number]).performance;
        expect(prev.returnPct).toBeGreaterThanOrEqual(r.performance.returnPct);
      }
    }
  });
});
