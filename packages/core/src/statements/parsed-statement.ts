import { z } from 'zod';
import { filledCells, type Grid, type GridRow } from './grid';
import {
  AccountSchema,
  BalanceOperationSchema,
  ClosedTradeSchema,
  LedgerEntrySchema,
  OpenPositionSchema,
  PendingOrderSchema,
  StatementFormatSchema,
  type Account,
  type BalanceKind,
} from './model';
import { extractStated } from './extract-stated';
import { StatedFiguresSchema, type StatedFigures } from './stated-figures';
import { normalizeLabel } from './summary-labels';

/** The one normalized model every report format is parsed into. */
export const ParsedStatementSchema = z.object({
  format: StatementFormatSchema,
  account: AccountSchema,
  closedTrades: z.array(ClosedTradeSchema),
  balanceOperations: z.array(BalanceOperationSchema),
  openPositions: z.array(OpenPositionSchema),
  pendingOrders: z.array(PendingOrderSchema),
  stated: StatedFiguresSchema,
  /** Rows with a printed running balance, in document order; absent when the report has none. */
  ledger: z.array(LedgerEntrySchema).optional(),
});
export type ParsedStatement = z.infer<typeof ParsedStatementSchema>;

/** Stated figures from the summary rows (rows outside trade tables). */
export function statedFromRows(rows: GridRow[]): StatedFigures {
  return extractStated(rows) as StatedFigures;
}

/**
 * Deposit, withdrawal, credit or bonus. The sign decides deposit vs withdrawal; a comment
 * mentioning a bonus marks it as such. None of them is ever trading profit.
 */
export function classifyBalance(type: string, amount: number, comment: string | null): BalanceKind {
  const t = type.toLowerCase();
  if (t === 'credit') return 'credit';
  if (t === 'bonus' || /bonus/i.test(comment ?? '')) return 'bonus';
  if (t !== 'balance') return 'other';
  return amount >= 0 ? 'deposit' : 'withdrawal';
}

/** An empty account record, filled in by each format. */
export function emptyAccount(): Account {
  return {
    login: null,
    name: null,
    broker: null,
    server: null,
    currency: null,
    leverage: null,
    reportTime: null,
    serverUtcOffsetMinutes: null,
  };
}

const MT4_HEADER: [keyof Account, string[]][] = [
  ['login', ['Account', 'ログインID', 'Счет', 'Cuenta', 'Hesap']],
  ['name', ['Name', '顧客氏名', 'Имя', 'Nombre', 'İsim']],
  ['currency', ['Currency', '基準通貨', 'Валюта', 'Divisa', 'Para birimi']],
  ['leverage', ['Leverage', 'Плечо', 'Apalancamiento', 'Kaldıraç']],
];

/** Reads the MT4 statement header row ("Account: 123", "Name: ...", "Currency: USD", time). */
export function readMt4Account(grid: Grid): Account {
  const account = emptyAccount();
  account.broker = grid.blocks[0] ?? null;
  for (const row of grid.rows.slice(0, 40)) {
    const cells = filledCells(row);
    let found = false;
    for (const cell of cells) {
      const m = /^([^:：]{1,40})[:：]\s*(.*)$/.exec(cell.text);
      if (!m) continue;
      const label = normalizeLabel(m[1] ?? '');
      const entry = MT4_HEADER.find(([, labels]) => labels.some((l) => normalizeLabel(l) === label));
      if (!entry) continue;
      found = true;
      const value = (m[2] ?? '').trim();
      account[entry[0]] = (entry[0] === 'leverage' && !/^\d+:\d+$/.test(value) ? null : value || null) as never;
    }
    if (found) {
      const last = cells[cells.length - 1];
      if (last && !/[:：]/.test(last.text.slice(0, 12))) account.reportTime = last.text;
      break;
    }
  }
  return account;
}
