import { describe, expect, it } from 'vitest';
import { checkConsistency } from './check-consistency';
import { isRealTime } from './check-values';
import { FindingSchema, VERIFICATION_LIMITS } from './model';
import { makeClosedTrade, makeMt5Statement } from './statement-builders';

const codes = (s: Parameters<typeof checkConsistency>[0]) => checkConsistency(s).map((f) => f.code);

describe('checkConsistency', () => {
  it('finds nothing in a consistent statement', () => {
    expect(checkConsistency(makeMt5Statement([1000, -500, 250]))).toEqual([]);
  });

  it('reports a broken balance chain at the edited row with the numbers involved', () => {
    const s = makeMt5Statement([1000, -500, 250]);
    const row = s.ledger?.[4];
    if (!row) throw new Error('fixture');
    row.change = -400;
    const chain = checkConsistency(s).find((f) => f.code === 'balance_chain_broken');
    expect(FindingSchema.parse(chain)).toMatchObject({
      ticket: '104',
      numbers: { previousBalance: '1010.00', change: '-4.00', printedBalance: '1005.00', expectedBalance: '1006.00' },
    });
  });

  it('reports a summary figure that disagrees with the rows', () => {
    const s = makeMt5Statement([1000, -500]);
    s.stated.totalNetProfit = '50.00';
    s.stated.grossProfit = '55.00';
    const found = checkConsistency(s).filter((f) => f.code === 'summary_mismatch');
    expect(found.map((f) => f.numbers.figure)).toEqual(['total net profit', 'gross profit']);
    expect(found[0]?.numbers).toMatchObject({ stated: '50.00', computed: '5.00' });
  });

  it('reports a trade count that disagrees with the rows', () => {
    const s = makeMt5Statement([1000]);
    s.stated.totalTrades = 2;
    expect(checkConsistency(s)[0]?.numbers).toEqual({ figure: 'total trades', stated: 2, computed: 1 });
  });

  it('reports swapped deal rows as tickets and times out of order', () => {
    const s = makeMt5Statement([1000, -500]);
    const ledger = s.ledger ?? [];
    [ledger[2], ledger[3]] = [ledger[3]!, ledger[2]!];
    expect(codes(s)).toEqual(
      expect.arrayContaining(['tickets_out_of_order', 'times_out_of_order', 'balance_chain_broken']),
    );
  });

  it('reports a ticket listed twice', () => {
    const s = makeMt5Statement([1000, 1000]);
    s.closedTrades[1]!.ticket = s.closedTrades[0]!.ticket;
    expect(codes(s)).toContain('duplicate_ticket');
  });

  it.each([
    ['negative volume', { volume: '-0.10' }],
    ['zero volume', { volume: '0.00' }],
    ['zero price', { openPrice: '0.00000' }],
    ['negative price', { closePrice: '-1.1' }],
    ['close before open', { openTime: '2024-01-02T13:00:00' }],
    ['a 13th month', { closeTime: '2024-13-02T12:00:00' }],
  ])('reports an impossible value: %s', (_name, over) => {
    const s = makeMt5Statement([]);
    s.closedTrades.push(makeClosedTrade({ ticket: '999', profit: 0, ...over }));
    const found = checkConsistency(s).filter((f) => f.code === 'impossible_value');
    expect(found).toHaveLength(1);
    expect(found[0]?.ticket).toBe('999');
  });

  it.each(['1:0', '1:1000000', '5:1'])('reports absurd leverage %s', (leverage) => {
    const s = makeMt5Statement([]);
    s.account.leverage = leverage;
    expect(codes(s)).toEqual(['impossible_value']);
  });

  it('caps findings of one code', () => {
    const s = makeMt5Statement([]);
    for (let i = 0; i < 100; i++)
      s.closedTrades.push(makeClosedTrade({ ticket: String(5000 + i), volume: '0', profit: 0 }));
    expect(codes(s).filter((c) => c === 'impossible_value')).toHaveLength(VERIFICATION_LIMITS.maxFindingsPerCode);
  });
});

describe('isRealTime', () => {
  it('accepts leap days only in leap years', () => {
    expect(isRealTime('2024-02-29T00:00:00')).toBe(true);
    expect(isRealTime('2023-02-29T00:00:00')).toBe(false);
    expect(isRealTime('2023-04-31T00:00:00')).toBe(false);
    expect(isRealTime('2023-04-30T24:00:00')).toBe(false);
  });
});
