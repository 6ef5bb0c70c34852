import { DomainError } from '../shared';
import { findTables, rowsOutside, type FoundTable } from './find-tables';
import type { Grid, GridRow } from './grid';
import type { BalanceOperation, ClosedTrade, LedgerEntry, OpenPosition, StatementFormat } from './model';
import { readPendingOrders, requireColumns } from './parse-mt4-statement';
import { cellCents, toCents } from './parse-values';
import { classifyBalance, statedFromRows, type ParsedStatement } from './parsed-statement';
import { readMt5Account } from './read-mt5-header';
import { readRow, readSide, type RowReader } from './table-cells';

type PositionInfo = {
  id: string;
  openTime: string | null;
  openPrice: string | null;
  stopLoss: string | null;
  takeProfit: string | null;
  comment: string | null;
};

/** Closed positions keyed by symbol|close time|close price, to give closing deals their open side. */
function indexPositions(table: FoundTable | undefined): Map<string, PositionInfo> {
  const index = new Map<string, PositionInfo>();
  if (!table) return index;
  for (const row of table.body) {
    const r = readRow(row, table.columns);
    const closeTime = r.time('closeTime');
    if (!closeTime || !readSide(r.text('type'))) continue;
    index.set(`${r.text('symbol')}|${closeTime}|${r.decimal('closePrice')}`, {
      id: r.text('position'),
      openTime: r.time('openTime'),
      openPrice: r.decimal('openPrice'),
      stopLoss: r.level('stopLoss'),
      takeProfit: r.level('takeProfit'),
      comment: null,
    });
  }
  return index;
}

function readDeal(r: RowReader, positions: Map<string, PositionInfo>): ClosedTrade | null {
  const dealSide = readSide(r.text('type'));
  const direction = r.text('direction').toLowerCase();
  const closeTime = r.time('time');
  if (!dealSide || !closeTime || !(direction === 'out' || direction === 'inout' || direction === 'out by')) return null;
  const price = r.decimal('price');
  const pos = positions.get(`${r.text('symbol')}|${closeTime}|${price}`);
  return {
    ticket: r.text('deal'),
    positionId: pos?.id || null,
    openTime: pos?.openTime ?? null,
    closeTime,
    side: dealSide === 'buy' ? 'sell' : 'buy',
    volume: r.decimal('volume') ?? '0',
    symbol: r.text('symbol'),
    openPrice: pos?.openPrice ?? null,
    closePrice: price,
    stopLoss: pos?.stopLoss ?? null,
    takeProfit: pos?.takeProfit ?? null,
    commission: cellCents(r.text('commission')),
    fee: cellCents(r.text('fee')),
    swap: cellCents(r.text('swap')),
    profit: cellCents(r.text('profit')),
    magic: null,
    comment: r.text('comment') || null,
  };
}

type DealsSection = {
  trades: ClosedTrade[];
  balance: BalanceOperation[];
  ledger: LedgerEntry[];
  totals: GridRow | null;
};

/** The row's printed running balance with what the row moved, when it prints one. */
function readLedgerEntry(r: RowReader, time: string): LedgerEntry | null {
  const balance = r.decimal('balance');
  if (balance === null) return null;
  const change =
    cellCents(r.text('commission')) +
    cellCents(r.text('fee')) +
    cellCents(r.text('swap')) +
    cellCents(r.text('profit'));
  return { ticket: r.text('deal') || null, time, change, balance: toCents(balance) };
}

function readDeals(table: FoundTable, positions: Map<string, PositionInfo>): DealsSection {
  requireColumns(table, ['time', 'deal', 'type', 'direction', 'volume', 'profit'], 'deals');
  const out: DealsSection = { trades: [], balance: [], ledger: [], totals: null };
  for (const row of table.body) {
    const r = readRow(row, table.columns);
    const time = r.time('time');
    if (!time) {
      if (!out.totals && r.decimal('profit') !== null) out.totals = row;
      continue;
    }
    const entry = readLedgerEntry(r, time);
    if (entry) out.ledger.push(entry);
    const type = r.text('type').toLowerCase();
    if (readSide(type)) {
      const trade = readDeal(r, positions);
      if (trade) out.trades.push(trade);
      continue;
    }
    const amount = cellCents(r.text('profit'));
    const comment = r.text('comment') || null;
    out.balance.push({
      ticket: r.text('deal') || null,
      time,
      kind: classifyBalance(type, amount, comment),
      amount,
      comment,
    });
  }
  return out;
}

function readOpenPositions(table: FoundTable | undefined): OpenPosition[] {
  if (!table) return [];
  return table.body.flatMap((row): OpenPosition[] => {
    const r = readRow(row, table.columns);
    const side = readSide(r.text('type'));
    if (!side || !r.time('time')) return [];
    return [
      {
        ticket: r.text('position'),
        openTime: r.time('time'),
        side,
        volume: r.decimal('volume') ?? '0',
        symbol: r.text('symbol'),
        openPrice: r.decimal('price'),
        marketPrice: r.decimal('marketPrice'),
        stopLoss: r.level('stopLoss'),
        takeProfit: r.level('takeProfit'),
        commission: 0,
        swap: cellCents(r.text('swap')),
        profit: cellCents(r.text('profit')),
        comment: r.text('comment') || null,
      },
    ];
  });
}

/** Which MT5 report a set of tables is: history has positions and deals, tester deals only, trade account report positions only. */
export function classifyMt5(tables: FoundTable[]): 'history' | 'tester' | 'trade' | null {
  const has = (s: FoundTable['section']) => tables.some((t) => t.section === s);
  if (has('deals') && (has('positions') || has('openPositions'))) return 'history';
  if (has('deals')) return 'tester';
  if (has('positions')) return 'trade';
  return null;
}

/**
 * Parses MT5 Trade History, Strategy Tester and Trade Account reports (HTML or XLSX, both
 * reduced to a Grid). Closed trades are the closing deals (direction out/inout/out by):
 * MetaTrader counts Total Trades that way, so partial closes are separate trades. Open
 * time and price come from the Positions row with the same symbol, close time and price.
 * @throws DomainError `statement.missing_columns` | `statement.malformed`
 */
export function parseMt5Report(grid: Grid, container: 'html' | 'xlsx'): ParsedStatement {
  const tables = findTables(grid);
  const kind = classifyMt5(tables);
  if (!kind) throw new DomainError('statement.malformed', 'The MT5 report has no Deals or Positions table.');
  const format = `mt5-${kind}-${container}` as StatementFormat;
  const dealsTable = tables.find((t) => t.section === 'deals');
  const positions =
    kind === 'trade' ? new Map<string, PositionInfo>() : indexPositions(tables.find((t) => t.section === 'positions'));
  const deals = dealsTable ? readDeals(dealsTable, positions) : { trades: [], balance: [], ledger: [], totals: null };
  const openTable = tables.find((t) => t.section === (kind === 'trade' ? 'positions' : 'openPositions'));
  const stated = statedFromRows(rowsOutside(grid, tables));
  if (deals.totals && dealsTable) {
    const r = readRow(deals.totals, dealsTable.columns);
    stated.totalsRow = { commission: r.decimal('commission'), swap: r.decimal('swap'), profit: r.decimal('profit') };
    if (dealsTable.columns.has('fee')) stated.totalsRow.fee = r.decimal('fee');
  }
  return {
    format,
    account: readMt5Account(grid),
    closedTrades: deals.trades,
    balanceOperations: deals.balance,
    openPositions: readOpenPositions(openTable),
    // A Trade Account Report lists only live orders, under the plain "Orders" heading.
    pendingOrders: readPendingOrders(tables.find((t) => t.section === (kind === 'trade' ? 'orders' : 'workingOrders'))),
    stated,
    ...(dealsTable && dealsTable.columns.has('balance') ? { ledger: deals.ledger } : {}),
  };
}
