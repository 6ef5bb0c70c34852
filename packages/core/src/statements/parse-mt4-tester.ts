import { DomainError } from '../shared';
import { findTables, rowsOutside } from './find-tables';
import type { Grid } from './grid';
import type { BalanceOperation, ClosedTrade, LedgerEntry, Side } from './model';
import { cellCents, toCents } from './parse-values';
import { emptyAccount, statedFromRows, type ParsedStatement } from './parsed-statement';
import { requireColumns } from './parse-mt4-statement';
import { readRow, readSide } from './table-cells';

type OpenLeg = { side: Side; time: string; price: string | null; stopLoss: string | null; takeProfit: string | null };

/**
 * Parses an MT4 Strategy Tester report. The order log is replayed: market entries
 * ("buy"/"sell", also a triggered pending order) open an order number, and every row with
 * a Profit cell (close, s/l, t/p, close at stop, swap close) is one closed trade, so
 * partial closes count separately as the tester does. The initial deposit becomes a
 * deposit at the first log time.
 * @throws DomainError `statement.missing_columns` | `statement.malformed`
 */
export function parseMt4Tester(grid: Grid): ParsedStatement {
  const tables = findTables(grid);
  const log = tables.find((t) => t.columns.has('order') && t.columns.has('balance') && t.columns.has('profit'));
  if (!log) throw new DomainError('statement.malformed', 'The tester report has no order log.');
  requireColumns(log, ['time', 'type', 'order', 'volume', 'price', 'profit'], 'order log');
  const open = new Map<string, OpenLeg>();
  const swapClosed: OpenLeg[] = [];
  const trades: ClosedTrade[] = [];
  const ledger: LedgerEntry[] = [];
  let firstTime: string | null = null;
  for (const row of log.body) {
    const r = readRow(row, log.columns);
    const time = r.time('time');
    if (!time) continue;
    firstTime ??= time;
    const type = r.text('type').toLowerCase();
    const order = r.text('order');
    const side = readSide(type);
    const leg = open.get(order);
    if (side)
      open.set(order, {
        side,
        time,
        price: r.decimal('price'),
        stopLoss: r.level('stopLoss'),
        takeProfit: r.level('takeProfit'),
      });
    else if (type === 'swap open') {
      // The tester closes a position at rollover and re-opens it under a new order number.
      const prior = swapClosed.shift();
      if (prior) open.set(order, { ...prior, time, price: r.decimal('price') });
    } else if (type === 'swap close' && leg) swapClosed.push(leg);
    if (type === 'modify' && leg)
      open.set(order, { ...leg, stopLoss: r.level('stopLoss'), takeProfit: r.level('takeProfit') });
    if (side || r.decimal('profit') === null) continue;
    const balance = r.decimal('balance');
    if (balance !== null)
      ledger.push({ ticket: order || null, time, change: cellCents(r.text('profit')), balance: toCents(balance) });
    trades.push({
      ticket: order,
      positionId: null,
      openTime: leg?.time ?? null,
      closeTime: time,
      side: leg?.side ?? 'buy',
      volume: r.decimal('volume') ?? '0',
      symbol: '',
      openPrice: leg?.price ?? null,
      closePrice: r.decimal('price'),
      stopLoss: r.level('stopLoss'),
      takeProfit: r.level('takeProfit'),
      commission: 0,
      fee: 0,
      swap: 0,
      profit: cellCents(r.text('profit')),
      magic: null,
      comment: type,
    });
  }
  const summaryRows = rowsOutside(grid, [log]);
  const stated = statedFromRows(summaryRows);
  const symbol = readSymbol(summaryRows.slice(0, 3).map((r) => r.cells));
  for (const t of trades) t.symbol = symbol;
  const balance: BalanceOperation[] = [];
  if (stated.initialDeposit && firstTime) {
    balance.push({
      ticket: null,
      time: firstTime,
      kind: 'deposit',
      amount: toCents(stated.initialDeposit),
      comment: 'initial deposit',
    });
  }
  const account = emptyAccount();
  account.server = grid.meta.server ?? null;
  return {
    format: 'mt4-tester',
    account,
    closedTrades: trades,
    balanceOperations: balance,
    openPositions: [],
    pendingOrders: [],
    stated,
    ledger,
  };
}

/** The first settings row's value ("XAGUSD (Silver vs US Dollar)") -> "XAGUSD". */
function readSymbol(rows: { text: string }[][]): string {
  const value = rows[0]?.[1]?.text ?? '';
  return value.split(/\s+/)[0] ?? '';
}
