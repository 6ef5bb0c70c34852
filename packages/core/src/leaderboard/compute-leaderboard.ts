import { DEFAULT_RANKING_RULES, type RankedTrader } from '../ranking/model';
import { movement } from '../ranking/movement';
import { rankTraders } from '../ranking/rank-traders';
import { seasonById } from '../seasons/season-calendar';
import type { Season, Window } from '../seasons/model';
import type { StandingChange } from '../notifications/standings-notifications';
import { clanBoardOf } from './get-clan-leaderboard';
import type { LeaderboardDeps, StoredBoardRow, WeekActivity } from './model';
import { pickWeeklyHighlights } from './weekly-board-highlights';

const DAY_MS = 24 * 3600_000;

type WeekBase = Awaited<ReturnType<LeaderboardDeps['store']['weekBaseSnapshot']>>;

/**
 * Daily job and on-demand recompute: ranks the season's aggregated performances with
 * core's `rankTraders` (the one source of scoring truth), computes movement arrows
 * against the latest snapshot of an earlier day, and stores the board together with
 * today's snapshot, then the clan board and the weekly highlights derived from it.
 * Idempotent: running it twice in a day rewrites the same boards.
 * @throws DomainError `validation.failed` for a bad season id.
 */
export async function computeLeaderboard(
  deps: LeaderboardDeps,
  input: { seasonId: string; now: Date },
): Promise<{ traders: number; eligible: number }> {
  const { traders, eligible } = await recomputeBoard(deps, input);
  return { traders, eligible };
}

function boardRows(ranked: readonly RankedTrader[], arrows: ReturnType<typeof movement>, minInstrumentTrades: number) {
  return ranked.map((r, i): StoredBoardRow => {
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
      // the filter key: brokers print "eurusd" and "EURUSD" alike, the filter asks upper case
      instruments: [
        ...new Set(p.instruments.filter((s) => s.trades >= minInstrumentTrades).map((s) => s.symbol.toUpperCase())),
      ],
      movement: { direction: m?.direction ?? 'new', delta: m?.delta ?? 0 },
    };
  });
}

/** The highlights week: the 7 days up to `now`, not before the season started. */
function highlightsWeek(season: Season, now: Date) {
  const from = Math.max(season.startsAt.getTime(), now.getTime() - 7 * DAY_MS);
  return { startsAt: new Date(from), endsAt: now };
}

/** Stores the clan board and the weekly highlights of a freshly saved trader board. */
async function saveDerivedBoards(
  deps: LeaderboardDeps,
  input: {
    season: Season;
    now: Date;
    ranked: readonly RankedTrader[];
    week: Window;
    activity: readonly WeekActivity[];
    base: WeekBase;
  },
): Promise<void> {
  const { season, now, ranked, week, activity, base } = input;
  const { clans, members } = await deps.store.clanBoardInputs(season.id);
  const clanRows = clanBoardOf(clans, members, deps.rules).map((c) => ({
    position: c.position,
    clanId: c.clanId,
    score: c.score,
    members: c.members,
    eligibleMembers: c.eligibleMembers,
    bestMemberPosition: c.bestMemberPosition,
  }));
  const candidates = ranked.map((r) => ({
    traderId: r.traderId,
    position: r.position,
    eligible: r.eligible,
    startingBalance: r.performance.startingBalance,
  }));
  await Promise.all([
    deps.store.saveClanBoard(season.id, clanRows, now),
    deps.store.saveHighlights(
      season.id,
      { weekStartsAt: week.startsAt, highlights: pickWeeklyHighlights(candidates, base, activity) },
      now,
    ),
  ]);
}

/** `computeLeaderboard` plus each trader's place and tier against the previous day's snapshot (for notifications). */
export async function recomputeBoard(
  deps: LeaderboardDeps,
  input: { seasonId: string; now: Date },
): Promise<{ traders: number; eligible: number; day: string; changes: StandingChange[] }> {
  const season = seasonById(input.seasonId);
  const rules = deps.rules ?? DEFAULT_RANKING_RULES;
  const day = input.now.toISOString().slice(0, 10);
  const week = highlightsWeek(season, input.now);
  const weekAgo = new Date(input.now.getTime() - 7 * DAY_MS).toISOString().slice(0, 10);
  // Snapshots of earlier days only: read while the season is aggregated.
  const [{ performances, week: activity }, previous, base] = await Promise.all([
    deps.store.seasonPerformances(season, rules, week),
    deps.store.snapshotBefore(season.id, day),
    deps.store.weekBaseSnapshot(season.id, weekAgo, day),
  ]);
  const ranked = rankTraders(performances, rules);
  const arrows = movement(previous, ranked);
  const rows = boardRows(ranked, arrows, rules.minInstrumentTrades);
  await deps.store.saveBoard(season.id, day, rows, input.now);
  await saveDerivedBoards(deps, { season, now: input.now, ranked, week, activity, base });
  const tierBefore = new Map((previous ?? []).map((r) => [r.traderId, r.tier]));
  const changes: StandingChange[] = ranked.map((r, i) => ({
    traderId: r.traderId,
    position: r.position,
    previousPosition: arrows[i]?.previousPosition ?? null,
    eligible: r.eligible,
    tier: r.tier,
    previousTier: tierBefore.get(r.traderId) ?? null,
  }));
  return { traders: rows.length, eligible: rows.filter((r) => r.eligible).length, day, changes };
}
