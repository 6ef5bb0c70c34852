import type { Cents } from '../statements/model';

/** Result of one closed trade in cents: profit + swap + commission + fee. */
export type TradeResult = { closeTime: string; side: 'buy' | 'sell'; symbol: string; net: Cents };

/** A point on the balance curve after a trade close or a balance operation. */
export type BalancePoint = { time: string; balance: Cents; flow: Cents; result: Cents };

/** Balance drawdown in the MT5 sense, on the closed-trade balance curve. */
export type Drawdown = {
  /** Opening balance minus the lowest balance below it (0 if never below). */
  absolute: Cents;
  /** Largest peak-to-trough fall in money, and that fall as % of its peak. */
  maximal: Cents;
  maximalPct: number;
  /** Largest peak-to-trough fall in % of its peak, and its money amount. */
  relativePct: number;
  relative: Cents;
};

export type MonthlyReturn = { month: string; profit: Cents; returnPct: number };

/** Every figure the metrics engine derives from normalized trades (see docs/metrics.md). */
export type Metrics = {
  tradeCount: number;
  netProfit: Cents;
  grossProfit: Cents;
  grossLoss: Cents;
  profitFactor: number | null;
  expectedPayoff: number | null;
  winRatePct: number | null;
  profitTrades: number;
  lossTrades: number;
  longTrades: number;
  longWonPct: number | null;
  shortTrades: number;
  shortWonPct: number | null;
  largestProfit: Cents;
  largestLoss: Cents;
  averageProfit: number | null;
  averageLoss: number | null;
  maxConsecutiveWins: number;
  maxConsecutiveLosses: number;
  openingBalance: Cents;
  deposits: Cents;
  withdrawals: Cents;
  drawdown: Drawdown;
  recoveryFactor: number | null;
  timeWeightedReturnPct: number | null;
  absoluteGainPct: number | null;
  sharpeAnnualized: number | null;
  sortinoAnnualized: number | null;
  firstTime: string | null;
  lastTime: string | null;
  tradingDays: number;
  symbols: string[];
  monthlyReturns: MonthlyReturn[];
};
