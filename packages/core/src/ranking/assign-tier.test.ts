import { describe, expect, it } from 'vitest';
import { assignTier } from './assign-tier';
import { makePerformance as perf } from './make-performance';

describe('assignTier', () => {
  it('gives Legendary only with a top percentile, a 10% return and at most 10% drawdown', () => {
    expect(assignTier(99, perf('a', { returnPct: 10, maxDrawdownPct: 10 }))).toBe('legendary');
    expect(assignTier(99, perf('a', { returnPct: 9.99, maxDrawdownPct: 3 }))).toBe('diamond');
    expect(assignTier(99, perf('a', { returnPct: 30, maxDrawdownPct: 25 }))).toBe('gold');
  });

  it('needs a strictly positive return for Gold and falls back to Silver, then Bronze', () => {
    expect(assignTier(70, perf('a', { returnPct: 0.01 }))).toBe('gold');
    expect(assignTier(95, perf('a', { returnPct: 0 }))).toBe('silver');
    expect(assignTier(40, perf('a', { returnPct: -50 }))).toBe('silver');
    expect(assignTier(39.9, perf('a', { returnPct: 50 }))).toBe('bronze');
  });
});
