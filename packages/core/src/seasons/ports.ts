import type { SeasonArchive, SeasonClan, SeasonEntrant, Season, SeasonId } from './model';

/**
 * Persistence of seasons for the rollover job. A season moves open -> frozen -> archived
 * and never back. The two conditional writes are atomic compare-and-set operations (one
 * UPDATE ... WHERE status = ... in SQL), which is what makes the job safe to run twice or
 * on two servers at once. Once a season is frozen its entrants and clans never change:
 * results that arrive later do not count for it.
 */
export interface SeasonStore {
  /** Seasons with `endsAt <= now` that are open or frozen (not archived), oldest first. */
  listEndedUnarchived(now: Date): Promise<Season[]>;
  /** open -> frozen. True only for the caller that made the change; false when not open. */
  freezeSeasonIfOpen(seasonId: SeasonId, at: Date): Promise<boolean>;
  /** Every trader who took part (verified trades, balance at the season start). */
  listEntrants(seasonId: SeasonId): Promise<SeasonEntrant[]>;
  /** Clans and their members as of the freeze. */
  listClans(seasonId: SeasonId): Promise<SeasonClan[]>;
  /**
   * frozen -> archived, storing the archive in the same transaction. True only for the
   * caller that made the change; false (and nothing written) when not frozen.
   */
  archiveSeasonIfFrozen(archive: SeasonArchive, at: Date): Promise<boolean>;
  /** Creates the season as open unless a season with its id exists; true when created. */
  openSeasonIfAbsent(season: Season, at: Date): Promise<boolean>;
  /** The stored archive, or null when the season is not archived. */
  findArchive(seasonId: SeasonId): Promise<SeasonArchive | null>;
}
