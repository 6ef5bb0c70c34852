import { DEFAULT_RANKING_RULES } from '../ranking/model';
import { movement } from '../ranking/movement';
import { rankTraders } from '../ranking/rank-traders';
import { seasonById } from '../seasons/season-calendar';
import type { StandingChange } from '../notifications/standings-notifications';
import type { LeaderboardDeps, StoredBoardRow } from './model';

/**
 * Daily job and on-demand recompute: ranks the season's aggregated performances with
 * core's `rankTraders` (the one source of scoring truth), computes movement arrows
 * against the latest snapshot of an earlier day, and stores the board together with
 * today's snapshot. Idempotent: running it twice in a day rewrites the same board.
 * @throws DomainError `validation.failed` for a bad season id.
 */
export async function computeLeaderboard(
  deps: LeaderboardDeps,
  input: { seasonId: string; now: Date },
): Promise<{ traders: number; eligible: number }> {
  const { traders, eligible } = await recomputeBoard(deps, input);
  return { traders, eligible };
}

/** `computeLeaderboard` plus each trader's place against the previous day's snapshot (for notifications). */
export async function recomputeBoard(
  deps: LeaderboardDeps,
  input: { seasonId: string; now: Date },
): Promise<{ traders: number; eligible: number; day: string; changes: StandingChange[] }> {
  const season = seasonById(input.seasonId);
  const rules = deps.rules ?? DEFAULT_RANKING_RULES;
  const day = input.now.toISOString().slice(0, 10);
  const [perfs, previous] = await Promise.all([
    deps.store.seasonPerformances(season, rules),
    deps.store.snapshotBefore(season.id, day),
  ]);
  const ranked = rankTraders(perfs, rules);
  const arrows = movement(previous, ranked);
  const rows: StoredBoardRow[] = ranked.map((r, i) => {
    const m = arrows[i];
    const p = r.performance;
    return {
      traderId: r.traderId,
      position: r.position,
      eligible: r.eligible,
      score: r.score,
      tier: r.tier,
      components: r.components,
      performance: {
        returnPct: p.returnPct,
        sharpe: p.sharpe,
        maxDrawdownPct: p.maxDrawdownPct,
        tradeCount: p.tradeCount,
        tradingDays: p.tradingDays,
        style: p.style,
      },
      instruments: p.instruments.filter((s) => s.trades >= rules.minInstrumentTrades).map((s) => s.symbol),
      movement: { direction: m?.direction ?? 'new', delta: m?.delta ?? 0 },
    };
  });
  await deps.store.saveBoard(season.id, day, rows, input.now);
  // Snapshots keep positions only, so tier changes are not derived here (previousTier null).
  const changes: StandingChange[] = ranked.map((r, i) => ({
    traderId: r.traderId,
    position: r.position,
    previousPosition: arrows[i]?.previousPosition ?? null,
    eligible: r.eligible,
    tier: r.tier,
    previousTier: null,
  }));
  return { traders: rows.length, eligible: rows.filter((r) => r.eligible).length, day, changes };
}
