import { roundScore } from './compare-traders';
import { DEFAULT_RANKING_RULES, type RankedTrader, type RankingRules } from './model';

/** A clan and the traders who were its members for the season. */
export type ClanRoster = { clanId: string; memberIds: readonly string[] };

/**
 * One row of the clan leaderboard. `counted` are the member scores that entered the
 * clan score (best first); clans without an eligible member have no score and come last.
 */
export type RankedClan = {
  clanId: string;
  position: number;
  score: number | null;
  counted: number[];
  eligibleMembers: number;
  bestMemberPosition: number | null;
};

/** Mean trader score of an eligible cohort; exactly 50 by the mid-rank percentile construction. */
export const CLAN_PRIOR_SCORE = 50;

/**
 * Clan score = (sum of the best m eligible member scores + C x 50) / (m + C), where
 * m = min(clanTopK, eligible members) and C = clanShrinkage. Counting only the top k
 * keeps a six-member clan from winning on size; the C pseudo-members at the cohort mean
 * (50) shrink clans with fewer than k scores toward the middle, so one star alone does not
 * outrank a full strong clan. Ties: more eligible members, then the better best member,
 * then clan id.
 */
/** What the clan score reads of each ranked trader. */
export type ClanMemberRank = Pick<RankedTrader, 'traderId' | 'position' | 'eligible' | 'score'>;

export function rankClans(
  clans: readonly ClanRoster[],
  ranked: readonly ClanMemberRank[],
  rules: RankingRules = DEFAULT_RANKING_RULES,
): RankedClan[] {
  const byId = new Map(ranked.map((r) => [r.traderId, r]));
  const rows = clans.map((clan) => {
    const members = clan.memberIds.map((id) => byId.get(id)).filter((r): r is ClanMemberRank => r?.eligible === true);
    const scores = members.map((r) => r.score as number).sort((a, b) => b - a);
    const counted = scores.slice(0, rules.clanTopK);
    const c = rules.clanShrinkage;
    const score =
      counted.length === 0
        ? null
        : roundScore((counted.reduce((a, b) => a + b, 0) + c * CLAN_PRIOR_SCORE) / (counted.length + c));
    const best = members.length === 0 ? null : Math.min(...members.map((r) => r.position));
    return { clanId: clan.clanId, score, counted, eligibleMembers: members.length, bestMemberPosition: best };
  });
  rows.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      b.eligibleMembers - a.eligibleMembers ||
      (a.bestMemberPosition ?? Infinity) - (b.bestMemberPosition ?? Infinity) ||
      (a.clanId < b.clanId ? -1 : a.clanId > b.clanId ? 1 : 0),
  );
  return rows.map((r, i) => ({ ...r, position: i + 1 }));
}
