import type { Season, SeasonArchive, SeasonClan, SeasonEntrant, SeasonId, SeasonStatus } from '../model';
import type { SeasonStore } from '../ports';

/** Stored as JSON, like a jsonb column: the caller never shares objects with the store. */
const roundTrip = (a: SeasonArchive): SeasonArchive => JSON.parse(JSON.stringify(a)) as SeasonArchive;

type Row = { season: Season; status: SeasonStatus; openedAt: Date; frozenAt: Date | null; archivedAt: Date | null };

/**
 * In-memory SeasonStore. Each method runs without an await inside, so it is atomic
 * under JavaScript's single thread, like the SQL compare-and-set it stands for.
 * `writes` counts successful state changes so tests can assert "changed nothing".
 */
export class MemorySeasonStore implements SeasonStore {
  readonly seasons = new Map<SeasonId, Row>();
  readonly archives = new Map<SeasonId, SeasonArchive>();
  private entrants = new Map<SeasonId, SeasonEntrant[]>();
  private clans = new Map<SeasonId, SeasonClan[]>();
  writes = 0;

  /** Test setup: adds or replaces an entrant; refused (false) once the season is frozen. */
  putEntrant(seasonId: SeasonId, entrant: SeasonEntrant): boolean {
    if (this.seasons.get(seasonId)?.status !== 'open') return false;
    const list = (this.entrants.get(seasonId) ?? []).filter((e) => e.traderId !== entrant.traderId);
    this.entrants.set(seasonId, [...list, entrant]);
    this.writes++;
    return true;
  }

  /** Test setup: sets the season's clans; refused (false) once the season is frozen. */
  putClans(seasonId: SeasonId, clans: SeasonClan[]): boolean {
    if (this.seasons.get(seasonId)?.status !== 'open') return false;
    this.clans.set(seasonId, clans);
    this.writes++;
    return true;
  }

  async listEndedUnarchived(now: Date): Promise<Season[]> {
    return [...this.seasons.values()]
      .filter((r) => r.status !== 'archived' && r.season.endsAt.getTime() <= now.getTime())
      .map((r) => r.season)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async freezeSeasonIfOpen(seasonId: SeasonId, at: Date): Promise<boolean> {
    const row = this.seasons.get(seasonId);
    if (row?.status !== 'open') return false;
    this.seasons.set(seasonId, { ...row, status: 'frozen', frozenAt: at });
    this.writes++;
    return true;
  }

  async listEntrants(seasonId: SeasonId): Promise<SeasonEntrant[]> {
    return [...(this.entrants.get(seasonId) ?? [])];
  }

  async listClans(seasonId: SeasonId): Promise<SeasonClan[]> {
    return [...(this.clans.get(seasonId) ?? [])];
  }

  async archiveSeasonIfFrozen(archive: SeasonArchive, at: Date): Promise<boolean> {
    const row = this.seasons.get(archive.seasonId);
    if (row?.status !== 'frozen') return false;
    this.seasons.set(archive.seasonId, { ...row, status: 'archived', archivedAt: at });
    this.archives.set(archive.seasonId, roundTrip(archive));
    this.writes++;
    return true;
  }

  async openSeasonIfAbsent(season: Season, at: Date): Promise<boolean> {
    if (this.seasons.has(season.id)) return false;
    this.seasons.set(season.id, { season, status: 'open', openedAt: at, frozenAt: null, archivedAt: null });
    this.writes++;
    return true;
  }

  async findArchive(seasonId: SeasonId): Promise<SeasonArchive | null> {
    const a = this.archives.get(seasonId);
    return a ? roundTrip(a) : null;
  }
}
