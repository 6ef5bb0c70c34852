import type { ClanWeeklySummary } from './model';

/** Storage of the weekly clan summaries; (clan, week) is unique. */
export interface ClanSummaryStore {
  /** Active clans created before `createdBefore` without a summary for `week`, by id. */
  clansWithoutSummary(week: string, createdBefore: Date, limit: number): Promise<string[]>;
  /** Inserts the summary; false (and nothing written) when that clan already has one for that week. */
  save(summary: ClanWeeklySummary): Promise<boolean>;
  /** The clan's summaries, newest week first. */
  list(clanId: string, limit: number): Promise<ClanWeeklySummary[]>;
}
