import { z } from 'zod';

/**
 * Money is an integer count of hundredths of the account currency ("cents"), whatever the
 * currency: USD 12.34 -> 1234, JPY 967 -> 96700, USC 4788.85 -> 478885. One fixed scale
 * keeps arithmetic exact and comparable across reports; values the report prints with
 * more decimals (XLSX cells such as 50.940000) are rounded half away from zero.
 * Prices and volumes are decimal strings exactly as printed ("1.35668", "0.10").
 */
export const CentsSchema = z.number().int().refine(Number.isSafeInteger, 'Money out of range');
export type Cents = z.infer<typeof CentsSchema>;

/** A plain decimal string: optional minus, digits, optional fraction, '.' separator. */
export const DecimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/);

/**
 * Broker server time as printed, ISO-8601 without offset ("2018-05-14T20:45:48").
 * Reports never state the server's UTC offset; `account.serverUtcOffsetMinutes` is null
 * unless supplied later, and metrics bucket days and months in server time.
 */
export const ServerTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

export const STATEMENT_FORMATS = [
  'mt4-statement',
  'mt4-tester',
  'mt5-history-html',
  'mt5-history-xlsx',
  'mt5-tester-html',
  'mt5-tester-xlsx',
  'mt5-trade-html',
  'mt5-trade-xlsx',
] as const;
export const StatementFormatSchema = z.enum(STATEMENT_FORMATS);
export type StatementFormat = z.infer<typeof StatementFormatSchema>;

export const AccountSchema = z.object({
  login: z.string().nullable(),
  name: z.string().nullable(),
  broker: z.string().nullable(),
  server: z.string().nullable(),
  /** ISO-like code as printed (USD, JPY, USC); null when absent or "profit in pips". */
  currency: z.string().nullable(),
  /** "1:100"; null when absent or an unfilled placeholder. */
  leverage: z.string().nullable(),
  reportTime: z.string().nullable(),
  serverUtcOffsetMinutes: z.number().int().nullable(),
});
export type Account = z.infer<typeof AccountSchema>;

export const SideSchema = z.enum(['buy', 'sell']);
export type Side = z.infer<typeof SideSchema>;

export const ClosedTradeSchema = z.object({
  ticket: z.string(),
  /** MT5: the position the closing deal belongs to, when the report links them. */
  positionId: z.string().nullable(),
  openTime: ServerTimeSchema.nullable(),
  closeTime: ServerTimeSchema,
  side: SideSchema,
  volume: DecimalStringSchema,
  symbol: z.string(),
  openPrice: DecimalStringSchema.nullable(),
  closePrice: DecimalStringSchema.nullable(),
  stopLoss: DecimalStringSchema.nullable(),
  takeProfit: DecimalStringSchema.nullable(),
  commission: CentsSchema,
  /** MT4 "Taxes", MT5 "Fee". */
  fee: CentsSchema,
  swap: CentsSchema,
  profit: CentsSchema,
  magic: z.string().nullable(),
  comment: z.string().nullable(),
});
export type ClosedTrade = z.infer<typeof ClosedTradeSchema>;

export const BalanceKindSchema = z.enum(['deposit', 'withdrawal', 'credit', 'bonus', 'other']);
export type BalanceKind = z.infer<typeof BalanceKindSchema>;

/** Money moved in or out of the account; never part of trading profit. */
export const BalanceOperationSchema = z.object({
  ticket: z.string().nullable(),
  time: ServerTimeSchema,
  kind: BalanceKindSchema,
  amount: CentsSchema,
  comment: z.string().nullable(),
});
export type BalanceOperation = z.infer<typeof BalanceOperationSchema>;

export const OpenPositionSchema = z.object({
  ticket: z.string(),
  openTime: ServerTimeSchema.nullable(),
  side: SideSchema,
  volume: DecimalStringSchema,
  symbol: z.string(),
  openPrice: DecimalStringSchema.nullable(),
  marketPrice: DecimalStringSchema.nullable(),
  stopLoss: DecimalStringSchema.nullable(),
  takeProfit: DecimalStringSchema.nullable(),
  commission: CentsSchema,
  swap: CentsSchema,
  profit: CentsSchema,
  comment: z.string().nullable(),
});
export type OpenPosition = z.infer<typeof OpenPositionSchema>;

export const PendingOrderSchema = z.object({
  ticket: z.string(),
  openTime: ServerTimeSchema.nullable(),
  type: z.string(),
  volume: z.string(),
  symbol: z.string(),
  price: DecimalStringSchema.nullable(),
  stopLoss: DecimalStringSchema.nullable(),
  takeProfit: DecimalStringSchema.nullable(),
});
export type PendingOrder = z.infer<typeof PendingOrderSchema>;

/**
 * One row that carries a printed running Balance (MT5 Deals, MT4 tester order log), in
 * document order. It lets verification replay the balance chain row by row; MT4 account
 * statements print no running balance and have no ledger.
 */
export const LedgerEntrySchema = z.object({
  /** Deal number (MT5) or order number (MT4 tester); null when the row has none. */
  ticket: z.string().nullable(),
  time: ServerTimeSchema,
  /** Commission + fee + swap + profit printed on the row (a balance row's amount). */
  change: CentsSchema,
  /** The Balance cell printed on the row. */
  balance: CentsSchema,
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
