import { DEFAULT_RANKING_RULES, type RankedTrader, type RankingRules } from './model';

export type AwardKind = 'overall_champion' | 'most_consistent' | 'best_risk_manager' | 'rising_star' | 'specialist';

/**
 * One season award. `value` is the figure it was won on: the score (champion, rising
 * star), the Sharpe, the max drawdown %, or the return % on `instrument` (specialist).
 */
export type Award = { kind: AwardKind; traderId: string; value: number; instrument?: string };

export type AwardInput = {
  /** Traders in their first ranked season (never eligible in an earlier season). */
  newcomerIds: ReadonlySet<string>;
};

/** The best eligible row by `value` (higher wins); ties go to the better season position. */
function best(
  rows: readonly RankedTrader[],
  value: (r: RankedTrader) => number | null,
): { row: RankedTrader; value: number } | null {
  let winner: { row: RankedTrader; value: number } | null = null;
  for (const row of rows) {
    const v = value(row);
    if (!row.eligible || v === null) continue;
    if (!winner || v > winner.value || (v === winner.value && row.position < winner.row.position))
      winner = { row, value: v };
  }
  return winner;
}

function specialists(ranked: readonly RankedTrader[], minTrades: number): Award[] {
  const symbols = [...new Set(ranked.flatMap((r) => r.performance.instruments.map((i) => i.symbol)))].sort();
  return symbols.flatMap((symbol) => {
    const won = best(ranked, (r) => {
      const s = r.performance.instruments.find((i) => i.symbol === symbol);
      return s && s.trades >= minTrades && s.returnPct > 0 ? s.returnPct : null;
    });
    return won
      ? [{ kind: 'specialist' as const, traderId: won.row.traderId, value: won.value, instrument: symbol }]
      : [];
  });
}

/**
 * Season-end awards, only ever to eligible traders, each absent when nobody qualifies:
 *  - Overall Champion: position 1;
 *  - Most Consistent: highest Sharpe (a null Sharpe does not compete);
 *  - Best Risk Manager: lowest max drawdown among traders with a positive return;
 *  - Rising Star: best position among newcomers;
 *  - one Specialist per instrument: highest return on that instrument among traders with
 *    at least `minInstrumentTrades` trades on it and a positive result there.
 * Ties go to the better season position; one trader may win several awards.
 */
export function pickAwards(
  ranked: readonly RankedTrader[],
  input: AwardInput,
  rules: RankingRules = DEFAULT_RANKING_RULES,
): Award[] {
  const out: Award[] = [];
  const add = (kind: AwardKind, won: { row: RankedTrader } | null, value: (r: RankedTrader) => number) => {
    if (won) out.push({ kind, traderId: won.row.traderId, value: value(won.row) });
  };
  const score = (r: RankedTrader) => r.score as number;
  add(
    'overall_champion',
    best(ranked, (r) => (r.position === 1 ? 1 : null)),
    score,
  );
  add(
    'most_consistent',
    best(ranked, (r) => r.performance.sharpe),
    (r) => r.performance.sharpe as number,
  );
  const riskManager = best(ranked, (r) => (r.performance.returnPct > 0 ? -r.performance.maxDrawdownPct : null));
  add('best_risk_manager', riskManager, (r) => r.performance.maxDrawdownPct);
  add(
    'rising_star',
    best(ranked, (r) => (input.newcomerIds.has(r.traderId) ? -r.position : null)),
    score,
  );
  return [...out, ...specialists(ranked, rules.minInstrumentTrades)];
}
