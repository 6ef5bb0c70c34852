import type { TradeResult } from './model';

/**
 * Counts, sums and extremes over trade results. As in MetaTrader's reports, a trade whose
 * result is exactly 0 counts as a profit trade (it is not a loss).
 */
export function computeTradeStats(trades: TradeResult[]) {
  let grossProfit = 0,
    grossLoss = 0,
    wins = 0,
    losses = 0,
    longs = 0,
    longWins = 0,
    shorts = 0,
    shortWins = 0;
  let largestProfit = 0,
    largestLoss = 0,
    runWins = 0,
    runLosses = 0,
    maxWins = 0,
    maxLosses = 0;
  for (const t of trades) {
    const won = t.net >= 0;
    if (won) {
      grossProfit += t.net;
      wins++;
      largestProfit = Math.max(largestProfit, t.net);
      runWins++;
      runLosses = 0;
    } else {
      grossLoss += t.net;
      losses++;
      largestLoss = Math.min(largestLoss, t.net);
      runLosses++;
      runWins = 0;
    }
    maxWins = Math.max(maxWins, runWins);
    maxLosses = Math.max(maxLosses, runLosses);
    if (t.side === 'buy') {
      longs++;
      if (won) longWins++;
    } else {
      shorts++;
      if (won) shortWins++;
    }
  }
  const n = trades.length;
  const pct = (a: number, b: number) => (b === 0 ? null : (a / b) * 100);
  return {
    tradeCount: n,
    netProfit: grossProfit + grossLoss,
    grossProfit,
    grossLoss,
    profitFactor: grossLoss === 0 ? null : grossProfit / -grossLoss,
    expectedPayoff: n === 0 ? null : (grossProfit + grossLoss) / n,
    winRatePct: pct(wins, n),
    profitTrades: wins,
    lossTrades: losses,
    longTrades: longs,
    longWonPct: pct(longWins, longs),
    shortTrades: shorts,
    shortWonPct: pct(shortWins, shorts),
    largestProfit,
    largestLoss,
    averageProfit: wins === 0 ? null : grossProfit / wins,
    averageLoss: losses === 0 ? null : grossLoss / losses,
    maxConsecutiveWins: maxWins,
    maxConsecutiveLosses: maxLosses,
  };
}
