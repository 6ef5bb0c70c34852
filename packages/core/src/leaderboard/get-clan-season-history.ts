import type { ClanSeasonResult, LeaderboardDeps } from './model';

/** A clan's place in every archived season (newest first): its badges over time beside its members'. */
export async function getClanSeasonHistory(
  deps: Pick<LeaderboardDeps, 'store'>,
  input: { clanId: string },
): Promise<{ items: ClanSeasonResult[] }> {
  return { items: await deps.store.clanSeasonHistory(input.clanId) };
}
