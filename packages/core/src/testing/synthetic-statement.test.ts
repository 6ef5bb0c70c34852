import { describe, expect, it } from 'vitest';
import { parseStatement } from '../statements/parse-statement';
import { buildSyntheticStatement } from './synthetic-statement';

describe('buildSyntheticStatement', () => {
  it('prints one trade a day from `start` by default', () => {
    const parsed = parseStatement(buildSyntheticStatement({ start: '2026-03-02', profits: [100, -50] }));
    expect(parsed.closedTrades.map((t) => [t.symbol, t.openTime, t.closeTime, t.profit])).toEqual([
      ['eurusd', '2026-03-02T09:00:00', '2026-03-02T15:00:00', 100],
      ['eurusd', '2026-03-03T09:00:00', '2026-03-03T15:00:00', -50],
    ]);
    expect(parsed.balanceOperations.map((b) => b.time)).toEqual(['2026-03-01T08:00:00']);
  });

  it('prints given trades with their symbols and times, and the deposit on `depositOn`', () => {
    const bytes = buildSyntheticStatement({
      deposit: 500_000,
      depositOn: new Date('2026-09-29T00:00:00Z'),
      trades: [
        {
          profit: 1_250,
          symbol: 'XAUUSD',
          openedAt: new Date('2026-10-31T22:30:00Z'),
          closedAt: new Date('2026-11-01T00:04:05Z'),
        },
        { profit: -300, openedAt: new Date('2026-11-02T10:00:00Z'), closedAt: new Date('2026-11-02T10:05:00Z') },
      ],
    });
    const parsed = parseStatement(bytes);
    expect(parsed.closedTrades.map((t) => [t.symbol, t.openTime, t.closeTime, t.profit])).toEqual([
      ['XAUUSD', '2026-10-31T22:30:00', '2026-11-01T00:04:05', 1_250],
      ['eurusd', '2026-11-02T10:00:00', '2026-11-02T10:05:00', -300],
    ]);
    expect(parsed.balanceOperations.map((b) => [b.time, b.amount])).toEqual([['2026-09-29T08:00:00', 500_000]]);
  });
});
