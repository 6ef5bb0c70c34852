import type { TraderPerformance } from '../../ranking/model';
import type { StandingsSnapshot } from '../../ranking/movement';
import type {
  BoardEntry,
  BoardQuery,
  ClanOnBoard,
  LeaderboardStore,
  MemberOnBoard,
  SeasonResultEntry,
  StoredBoardRow,
} from '../model';

/**
 * In-memory LeaderboardStore for tests that need the port but not SQL: performances and
 * handles are set up by the test; boards are kept as saved; pages follow `position`.
 */
export class MemoryLeaderboardStore implements LeaderboardStore {
  readonly performances: TraderPerformance[] = [];
  readonly handles = new Map<string, string>();
  readonly boards = new Map<string, { rows: readonly StoredBoardRow[]; at: Date }>();
  readonly snapshots = new Map<string, Map<string, StandingsSnapshot>>();
  readonly history = new Map<string, SeasonResultEntry[]>();
  readonly clans: ClanOnBoard[] = [];

  clanBoardInputs(seasonId: string): Promise<{ clans: ClanOnBoard[]; members: MemberOnBoard[] }> {
    const rows = this.boards.get(seasonId)?.rows ?? [];
    const wanted = new Set(this.clans.flatMap((c) => c.memberIds));
    const members = rows
      .filter((r) => wanted.has(r.traderId))
      .map((r) => ({ traderId: r.traderId, position: r.position, eligible: r.eligible, score: r.score }));
    return Promise.resolve({ clans: this.clans.map((c) => ({ ...c })), members });
  }
  seasonPerformances(): Promise<TraderPerformance[]> {
    return Promise.resolve([...this.performances]);
  }
  snapshotBefore(seasonId: string, day: string): Promise<StandingsSnapshot | null> {
    const days = [...(this.snapshots.get(seasonId)?.keys() ?? [])].filter((d) => d < day).sort();
    const last = days[days.length - 1];
    return Promise.resolve(last === undefined ? null : (this.snapshots.get(seasonId)?.get(last) ?? null));
  }
  saveBoard(seasonId: string, day: string, rows: readonly StoredBoardRow[], at: Date): Promise<void> {
    this.boards.set(seasonId, { rows, at });
    const byDay = this.snapshots.get(seasonId) ?? new Map<string, StandingsSnapshot>();
    byDay.set(
      day,
      rows.map((r) => ({ traderId: r.traderId, position: r.position })),
    );
    this.snapshots.set(seasonId, byDay);
    return Promise.resolve();
  }
  readPage(q: BoardQuery): Promise<{ updatedAt: Date | null; items: BoardEntry[] }> {
    const board = this.boards.get(q.seasonId);
    const rows = (board?.rows ?? []).filter(
      (r) =>
        (q.style === undefined || r.performance.style === q.style) &&
        (q.instrument === undefined || r.instruments.includes(q.instrument)),
    );
    return Promise.resolve({
      updatedAt: board?.at ?? null,
      items: rows.slice(q.offset, q.offset + q.limit).map((r) => this.toEntry(r)),
    });
  }
  findEntry(seasonId: string, userId: string): Promise<BoardEntry | null> {
    const row = this.boards.get(seasonId)?.rows.find((r) => r.traderId === userId);
    return Promise.resolve(row ? this.toEntry(row) : null);
  }
  async findEntryByHandle(seasonId: string, handle: string): Promise<BoardEntry | null> {
    const userId = await this.findUserIdByHandle(handle);
    return userId === null ? null : this.findEntry(seasonId, userId);
  }
  findUserIdByHandle(handle: string): Promise<string | null> {
    return Promise.resolve([...this.handles.entries()].find(([, h]) => h === handle)?.[0] ?? null);
  }
  seasonHistory(userId: string): Promise<SeasonResultEntry[]> {
    return Promise.resolve(this.history.get(userId) ?? []);
  }
  private toEntry(r: StoredBoardRow): BoardEntry {
    const handle = this.handles.get(r.traderId) ?? r.traderId;
    const p = r.performance;
    return {
      position: r.position,
      handle,
      displayName: handle,
      score: r.score,
      tier: r.tier,
      eligible: r.eligible,
      movement: r.movement,
      components: r.components,
      metrics: {
        returnPct: p.returnPct,
        sharpe: p.sharpe,
        maxDrawdownPct: p.maxDrawdownPct,
        trades: p.tradeCount,
        tradingDays: p.tradingDays,
      },
    };
  }
}
