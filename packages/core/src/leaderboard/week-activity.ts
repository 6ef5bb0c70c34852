import { isoUtc, utcDayOf, type TradeSeries } from '../seasons/series-performance';
import type { WeekActivity } from './model';

/**
 * A trader's week for the highlights (docs/ranking.md §9) from the season's series: UTC
 * days with closes inside [from, to) (seconds), those netting above and below zero, the
 * week's net and its largest single result (ties: the earlier close). Null without trades.
 */
export function weekActivityOf(s: TradeSeries, from: number, to: number): WeekActivity | null {
  let tradingDays = 0;
  let profitableDays = 0;
  let losingDays = 0;
  let netProfit = 0;
  let best = -1;
  let day = Number.NaN;
  let dayNet = 0;
  const closeDay = () => {
    if (dayNet > 0) profitableDays += 1;
    else if (dayNet < 0) losingDays += 1;
  };
  for (let i = 0; i < s.net.length; i++) {
    const at = s.closedAt[i] as number;
    if (at < from || at >= to) continue;
    const net = s.net[i] as number;
    const d = utcDayOf(at);
    if (d !== day) {
      if (!Number.isNaN(day)) closeDay();
      day = d;
      dayNet = 0;
      tradingDays += 1;
    }
    dayNet += net;
    netProfit += net;
    if (best < 0 || net > (s.net[best] as number)) best = i;
  }
  if (best < 0) return null;
  closeDay();
  return {
    traderId: s.traderId,
    tradingDays,
    profitableDays,
    losingDays,
    netProfit,
    bestTrade: {
      net: s.net[best] as number,
      symbol: s.symbols[best] as string,
      closedAt: isoUtc(s.closedAt[best] as number),
    },
  };
}
