import { describe, expect, it } from 'vitest';
import { percentileRanks } from './percentile-ranks';

describe('percentileRanks', () => {
  it('spreads distinct values evenly from 0 to 100', () => {
    expect(percentileRanks([30, 10, 50, 20, 40])).toEqual([50, 0, 100, 25, 75]);
  });

  it('gives tied values the mean of the ranks they span', () => {
    // 8 and 8 span ranks 2 and 3 of 0..4 -> 2.5 / 4
    expect(percentileRanks([15, 8, 6, 8, 5])).toEqual([100, 62.5, 25, 62.5, 0]);
  });

  it('gives 50 to everyone when all are tied and 100 to a cohort of one', () => {
    expect(percentileRanks([3, 3, 3])).toEqual([50, 50, 50]);
    expect(percentileRanks([-7])).toEqual([100]);
  });

  it('always averages exactly 50', () => {
    const p = percentileRanks([1, 1, 2, 3, 3, 3, 9]);
    expect(p.reduce((a, b) => a + b, 0) / p.length).toBeCloseTo(50, 12);
  });
});
