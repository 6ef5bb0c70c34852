import type { ClosedTrade, LedgerEntry } from '../statements/model';
import type { ParsedStatement } from '../statements/parsed-statement';
import { emptyAccount } from '../statements/parsed-statement';

/** A closed trade with plausible defaults, for verification unit tests (no real data). */
export function makeClosedTrade(over: Partial<ClosedTrade> = {}): ClosedTrade {
  return {
    ticket: '1001',
    positionId: null,
    openTime: '2024-01-02T10:00:00',
    closeTime: '2024-01-02T12:00:00',
    side: 'buy',
    volume: '0.10',
    symbol: 'EURUSD',
    openPrice: '1.10000',
    closePrice: '1.10100',
    stopLoss: null,
    takeProfit: null,
    commission: 0,
    fee: 0,
    swap: 0,
    profit: 1000,
    magic: null,
    comment: null,
    ...over,
  };
}

/**
 * A consistent MT5 history statement: a 1 000.00 deposit, then one in/out deal pair per
 * profit, with the running balance, totals row and summary figures all agreeing.
 */
export function makeMt5Statement(profits: number[]): ParsedStatement {
  const ledger: LedgerEntry[] = [{ ticket: '100', time: '2024-01-01T00:00:00', change: 100000, balance: 100000 }];
  const closedTrades: ClosedTrade[] = [];
  let balance = 100000;
  profits.forEach((profit, i) => {
    const day = String(i + 2).padStart(2, '0');
    ledger.push({ ticket: String(101 + 2 * i), time: `2024-01-${day}T10:00:00`, change: 0, balance });
    balance += profit;
    const ticket = String(102 + 2 * i);
    ledger.push({ ticket, time: `2024-01-${day}T12:00:00`, change: profit, balance });
    closedTrades.push(
      makeClosedTrade({ ticket, openTime: `2024-01-${day}T10:00:00`, closeTime: `2024-01-${day}T12:00:00`, profit }),
    );
  });
  const total = profits.reduce((a, b) => a + b, 0);
  const cents = (n: number) => (n / 100).toFixed(2);
  return {
    format: 'mt5-history-html',
    account: { ...emptyAccount(), login: '5001', server: 'Example-Server', leverage: '1:100' },
    closedTrades,
    balanceOperations: [{ ticket: '100', time: '2024-01-01T00:00:00', kind: 'deposit', amount: 100000, comment: null }],
    openPositions: [],
    pendingOrders: [],
    stated: {
      balance: cents(balance),
      totalNetProfit: cents(total),
      totalTrades: profits.length,
      grossProfit: cents(profits.filter((p) => p > 0).reduce((a, b) => a + b, 0)),
      grossLoss: cents(profits.filter((p) => p < 0).reduce((a, b) => a + b, 0)),
      totalsRow: { commission: '0.00', fee: '0.00', swap: '0.00', profit: cents(total + 100000) },
    },
    ledger,
  };
}
