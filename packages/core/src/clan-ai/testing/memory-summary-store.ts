import type { ClanWeeklySummary } from '../model';
import type { ClanSummaryStore } from '../ports';

/** Weekly summaries in memory; `clans` lists the active clans with their creation time. */
export class MemoryClanSummaryStore implements ClanSummaryStore {
  readonly rows: ClanWeeklySummary[] = [];
  constructor(public clans: { id: string; createdAt: Date }[] = []) {}
  async clansWithoutSummary(week: string, createdBefore: Date, limit: number) {
    return this.clans
      .filter((c) => c.createdAt < createdBefore && !this.rows.some((r) => r.clanId === c.id && r.week === week))
      .map((c) => c.id)
      .sort()
      .slice(0, limit);
  }
  async save(summary: ClanWeeklySummary) {
    if (this.rows.some((r) => r.clanId === summary.clanId && r.week === summary.week)) return false;
    this.rows.push(summary);
    return true;
  }
  async list(clanId: string, limit: number) {
    return this.rows
      .filter((r) => r.clanId === clanId)
      .sort((a, b) => b.week.localeCompare(a.week))
      .slice(0, limit);
  }
}
