import { describe, expect, it } from 'vitest';
import { makePerformance as perf } from './make-performance';
import type { RankedTrader } from './model';
import { rankClans } from './rank-clans';

function scored(id: string, score: number | null, position: number): RankedTrader {
  return {
    traderId: id,
    position,
    eligible: score !== null,
    ineligibleReasons: [],
    score,
    components: null,
    scorePercentile: null,
    tier: null,
    performance: perf(id),
  };
}

const board = [
  scored('a', 90, 1),
  scored('b', 80, 2),
  scored('c', 70, 3),
  scored('d', 60, 4),
  scored('e', 100, 0),
  scored('x', null, 9),
];

describe('rankClans', () => {
  it('averages the best three scores with two pseudo-members at 50', () => {
    const [row] = rankClans([{ clanId: 'k', memberIds: ['a', 'b', 'c', 'd'] }], board);
    expect(row).toMatchObject({ score: (90 + 80 + 70 + 100) / 5, counted: [90, 80, 70], eligibleMembers: 4 });
  });

  it('shrinks a clan with one star below a full strong clan', () => {
    const ranked = rankClans(
      [
        { clanId: 'solo', memberIds: ['e', 'x'] },
        { clanId: 'full', memberIds: ['a', 'b', 'c'] },
      ],
      board,
    );
    expect(ranked.map((r) => [r.clanId, r.score])).toEqual([
      ['full', (240 + 100) / 5],
      ['solo', 66.666667],
    ]);
  });

  it('puts clans without an eligible member last with no score, and breaks ties by clan id', () => {
    const ranked = rankClans(
      [
        { clanId: 'z', memberIds: ['x'] },
        { clanId: 'q', memberIds: ['x'] },
        { clanId: 'm', memberIds: ['c'] },
      ],
      board,
    );
    expect(ranked.map((r) => [r.clanId, r.position, r.score])).toEqual([
      ['m', 1, 56.666667],
      ['q', 2, null],
      ['z', 3, null],
    ]);
  });
});
