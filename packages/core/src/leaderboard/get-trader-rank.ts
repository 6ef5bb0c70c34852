import { DomainError } from '../shared/domain-error';
import { seasonById } from '../seasons/season-calendar';
import type { BoardEntry, LeaderboardDeps, SeasonResultEntry } from './model';

async function userIdOf(deps: LeaderboardDeps, handle: string): Promise<string> {
  const userId = await deps.store.findUserIdByHandle(handle);
  if (!userId) throw new DomainError('profile.not_found', `No trader @${handle}`);
  return userId;
}

/**
 * One trader's row of a season's live board.
 * @throws DomainError `profile.not_found` | `leaderboard.not_ranked` | `validation.failed`
 */
export async function getTraderRank(
  deps: LeaderboardDeps,
  input: { seasonId: string; handle: string },
): Promise<BoardEntry> {
  const season = seasonById(input.seasonId);
  const entry = await deps.store.findEntryByHandle(season.id, input.handle);
  if (entry) return entry;
  await userIdOf(deps, input.handle);
  throw new DomainError('leaderboard.not_ranked', `@${input.handle} has no verified trades in season ${season.id}`);
}

/**
 * A trader's archived seasons, newest first.
 * @throws DomainError `profile.not_found`
 */
export async function getSeasonHistory(
  deps: LeaderboardDeps,
  input: { handle: string },
): Promise<{ items: SeasonResultEntry[] }> {
  return { items: await deps.store.seasonHistory(await userIdOf(deps, input.handle)) };
}
