import { DomainError } from '../shared';
import type { ColumnId } from './column-labels';
import { findTables, rowsOutside, type FoundTable } from './find-tables';
import type { Grid, GridRow } from './grid';
import type { BalanceOperation, ClosedTrade, OpenPosition, PendingOrder } from './model';
import { cellCents, parseDecimal } from './parse-values';
import { classifyBalance, readMt4Account, statedFromRows, type ParsedStatement } from './parsed-statement';
import { readRow, readSide } from './table-cells';

const REQUIRED: ColumnId[] = ['ticket', 'openTime', 'type', 'volume', 'symbol', 'closeTime', 'profit'];

/** Throws unless the table names every required column. */
export function requireColumns(table: FoundTable, required: ColumnId[], what: string): void {
  const missing = required.filter((id) => !table.columns.has(id));
  if (missing.length > 0) {
    throw new DomainError('statement.missing_columns', `The ${what} table has no ${missing.join(', ')} column.`, {
      fields: missing.map((m) => ({ path: m, message: 'Column not found' })),
    });
  }
}

function readMagicTitle(title: string | undefined): { magic: string | null; comment: string | null } {
  if (!title) return { magic: null, comment: null };
  const m = /^#(\d+)\s*(.*)$/.exec(title);
  if (m) return { magic: m[1] ?? null, comment: m[2] || null };
  return { magic: null, comment: title };
}

type ClosedSection = { trades: ClosedTrade[]; balance: BalanceOperation[]; totals: GridRow | null };

function readClosed(table: FoundTable): ClosedSection {
  requireColumns(table, REQUIRED, 'closed transactions');
  const out: ClosedSection = { trades: [], balance: [], totals: null };
  const closePriceCol = table.columns.get('closePrice') ?? -1;
  let last: ClosedTrade | null = null;
  for (const row of table.body) {
    const { texts } = row;
    const firstText = texts[0];
    if (firstText === undefined) continue;
    if (firstText === '') {
      if (row.spans[0] === closePriceCol) {
        if (last && texts.length > 1) {
          last.magic = parseDecimal(texts[1] as string) ?? last.magic;
          last.comment = texts[2] || last.comment;
        }
      } else if (texts.length > 1 && out.totals === null) out.totals = row;
      continue;
    }
    const r = readRow(row, table.columns);
    const type = r.text('type').toLowerCase();
    const time = r.time('openTime');
    if (!time) continue;
    if (type === 'balance' || type === 'credit') {
      const amount = cellCents(texts[texts.length - 1]);
      const comment = r.text('volume') || null;
      out.balance.push({
        ticket: r.text('ticket'),
        time,
        kind: classifyBalance(type, amount, comment),
        amount,
        comment,
      });
      last = null;
      continue;
    }
    const side = readSide(type);
    const closeTime = r.time('closeTime');
    if (!side || !closeTime) {
      last = null; // cancelled / deleted pending order
      continue;
    }
    const { magic, comment } = readMagicTitle(row.titles?.[0]);
    last = {
      ticket: r.text('ticket'),
      positionId: null,
      openTime: time,
      closeTime,
      side,
      volume: r.decimal('volume') ?? '0',
      symbol: r.text('symbol'),
      openPrice: r.decimal('openPrice'),
      closePrice: r.decimal('closePrice'),
      stopLoss: r.level('stopLoss'),
      takeProfit: r.level('takeProfit'),
      commission: cellCents(r.text('commission')),
      fee: cellCents(r.text('fee')),
      swap: cellCents(r.text('swap')),
      profit: cellCents(r.text('profit')),
      magic,
      comment,
    };
    out.trades.push(last);
  }
  return out;
}

function readOpen(table: FoundTable | undefined): OpenPosition[] {
  if (!table) return [];
  const positions: OpenPosition[] = [];
  for (const row of table.body) {
    const r = readRow(row, table.columns);
    const side = readSide(r.text('type'));
    if (!side || !r.text('ticket')) continue;
    positions.push({
      ticket: r.text('ticket'),
      openTime: r.time('openTime') ?? r.time('time'),
      side,
      volume: r.decimal('volume') ?? '0',
      symbol: r.text('symbol'),
      openPrice: r.decimal('openPrice'),
      marketPrice: r.decimal('closePrice') ?? r.decimal('marketPrice'),
      stopLoss: r.level('stopLoss'),
      takeProfit: r.level('takeProfit'),
      commission: cellCents(r.text('commission')),
      swap: cellCents(r.text('swap')),
      profit: cellCents(r.text('profit')),
      comment: null,
    });
  }
  return positions;
}

/** Pending orders of any table with ticket/type/symbol columns (MT4 working orders, MT5 current orders). */
export function readPendingOrders(table: FoundTable | undefined): PendingOrder[] {
  if (!table) return [];
  const orders: PendingOrder[] = [];
  for (const row of table.body) {
    const r = readRow(row, table.columns);
    const ticket = r.text('ticket') || r.text('order');
    const openTime = r.time('openTime') ?? r.time('time');
    if (!ticket || !openTime) continue;
    orders.push({
      ticket,
      openTime,
      type: r.text('type'),
      volume: r.text('volume'),
      symbol: r.text('symbol'),
      price: r.decimal('openPrice') ?? r.decimal('price'),
      stopLoss: r.level('stopLoss'),
      takeProfit: r.level('takeProfit'),
    });
  }
  return orders;
}

/**
 * Parses an MT4 account statement (plain or detailed). Cancelled and deleted pending
 * orders inside Closed Transactions are skipped; `balance`/`credit` rows become balance
 * operations; magic/comment sub-rows and `#magic comment` titles are attached to trades.
 * @throws DomainError `statement.missing_columns` | `statement.malformed`
 */
export function parseMt4Statement(grid: Grid): ParsedStatement {
  const tables = findTables(grid);
  const closedTable = tables.find((t) => t.section === 'closed');
  if (!closedTable) throw new DomainError('statement.malformed', 'The statement has no Closed Transactions table.');
  const closed = readClosed(closedTable);
  const stated = statedFromRows(rowsOutside(grid, tables, closed.totals));
  if (closed.totals) {
    const r = readRow(closed.totals, closedTable.columns);
    stated.totalsRow = {
      commission: r.decimal('commission'),
      taxes: r.decimal('fee'),
      swap: r.decimal('swap'),
      profit: r.decimal('profit'),
    };
  }
  return {
    format: 'mt4-statement',
    account: readMt4Account(grid),
    closedTrades: closed.trades,
    balanceOperations: closed.balance,
    openPositions: readOpen(tables.find((t) => t.section === 'open')),
    pendingOrders: readPendingOrders(tables.find((t) => t.section === 'working')),
    stated,
  };
}
