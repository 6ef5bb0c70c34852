import { z } from 'zod';
import { DecimalStringSchema } from './model';

const Dec = DecimalStringSchema.nullable().optional();
const Num = z.number().nullable().optional();
const Int = z.number().int().nullable().optional();

/**
 * The figures a report prints about itself, normalized (decimal strings, '.' separator,
 * no thousands separators; percentages as numbers in percent; counts as integers).
 * Absent keys were not printed; null means printed but empty. Gross loss is always <= 0.
 * For MT5 the drawdown keys are the BALANCE drawdown figures.
 */
export const StatedFiguresSchema = z.object({
  initialDeposit: Dec,
  depositWithdrawal: Dec,
  closedPL: Dec,
  floatingPL: Dec,
  balance: Dec,
  equity: Dec,
  freeMargin: Dec,
  margin: Dec,
  creditFacility: Dec,
  totalNetProfit: Dec,
  grossProfit: Dec,
  grossLoss: Dec,
  profitFactor: Dec,
  expectedPayoff: Dec,
  recoveryFactor: Dec,
  sharpeRatio: Dec,
  absoluteDrawdown: Dec,
  maxDrawdown: Dec,
  maxDrawdownPct: Num,
  relativeDrawdownPct: Num,
  relativeDrawdown: Dec,
  totalTrades: Int,
  shortTrades: Int,
  shortWonPct: Num,
  longTrades: Int,
  longWonPct: Num,
  profitTrades: Int,
  profitTradesPct: Num,
  lossTrades: Int,
  lossTradesPct: Num,
  largestProfitTrade: Dec,
  largestLossTrade: Dec,
  averageProfitTrade: Dec,
  averageLossTrade: Dec,
  maxConsecutiveWins: Int,
  maxConsecutiveLosses: Int,
  totalsRow: z.object({ commission: Dec, taxes: Dec, fee: Dec, swap: Dec, profit: Dec }).optional(),
});
export type StatedFigures = z.infer<typeof StatedFiguresSchema>;
export type StatedKey = Exclude<keyof StatedFigures, 'totalsRow'>;
