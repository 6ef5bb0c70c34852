export { computeMetrics, buildBalanceCurve, tradeNet, type MetricsInput } from './compute-metrics';
export { computeDrawdown } from './drawdown';
export { computeDailyReturns, computeSharpeSortino, computeTimeWeightedReturn, computeMonthlyReturns } from './returns';
export type { Metrics, Drawdown, MonthlyReturn, BalancePoint, TradeResult } from './model';
export {
  checkReport,
  FORMAT_DIVERGENCES,
  ExpectedCorpusSchema,
  ExpectedFileSchema,
  sameFigure,
  inferOpeningBalance,
  type CheckRow,
  type FileCheck,
  type ExpectedFile,
} from './check-expected';
