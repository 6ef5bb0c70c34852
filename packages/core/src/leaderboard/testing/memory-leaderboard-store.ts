import type { TraderPerformance } from '../../ranking/model';
import type { Window } from '../../seasons/model';
import type {
  BoardEntry,
  BoardQuery,
  BoardSnapshot,
  ClanBoardEntry,
  ClanOnBoard,
  HighlightsView,
  LeaderboardStore,
  MemberOnBoard,
  SeasonResultEntry,
  StoredBoardRow,
  StoredClanRow,
  StoredHighlights,
  WeekActivity,
  ClanSeasonResult,
} from '../model';

/**
 * In-memory LeaderboardStore for tests that need the port but not SQL: performances,
 * week activity and handles are set up by the test; boards are kept as saved; pages
 * follow `position`. Snapshots are all kept (the SQL store prunes older than a week).
 */
export class MemoryLeaderboardStore implements LeaderboardStore {
  readonly performances: TraderPerformance[] = [];
  readonly handles = new Map<string, string>();
  readonly boards = new Map<string, { rows: readonly StoredBoardRow[]; at: Date }>();
  readonly snapshots = new Map<string, Map<string, BoardSnapshot>>();
  readonly history = new Map<string, SeasonResultEntry[]>();
  readonly clanHistory = new Map<string, ClanSeasonResult[]>();
  readonly clans: ClanOnBoard[] = [];
  readonly activity: WeekActivity[] = [];
  /** The highlights week of the last `seasonPerformances` call, for assertions. */
  lastWeek: Window | null = null;
  readonly clanBoards = new Map<string, { rows: readonly StoredClanRow[]; at: Date }>();
  readonly highlights = new Map<string, { value: StoredHighlights; at: Date }>();

  clanBoardInputs(seasonId: string): Promise<{ clans: ClanOnBoard[]; members: MemberOnBoard[] }> {
    const rows = this.boards.get(seasonId)?.rows ?? [];
    const wanted = new Set(this.clans.flatMap((c) => c.memberIds));
    const members = rows
      .filter((r) => wanted.has(r.traderId))
      .map((r) => ({ traderId: r.traderId, position: r.position, eligible: r.eligible, score: r.score }));
    return Promise.resolve({ clans: this.clans.map((c) => ({ ...c })), members });
  }
  seasonPerformances(
    _season: unknown,
    _rules: unknown,
    week: Window,
  ): Promise<{ performances: TraderPerformance[]; week: WeekActivity[] }> {
    this.lastWeek = week;
    return Promise.resolve({ performances: [...this.performances], week: this.activity.map((a) => ({ ...a })) });
  }
  snapshotBefore(seasonId: string, day: string): Promise<BoardSnapshot | null> {
    const days = [...(this.snapshots.get(seasonId)?.keys() ?? [])].filter((d) => d < day).sort();
    const last = days[days.length - 1];
    return Promise.resolve(last === undefined ? null : (this.snapshots.get(seasonId)?.get(last) ?? null));
  }
  weekBaseSnapshot(
    seasonId: string,
    weekAgo: string,
    day: string,
  ): Promise<{ day: string; rows: BoardSnapshot } | null> {
    const byDay = this.snapshots.get(seasonId);
    const days = [...(byDay?.keys() ?? [])].filter((d) => d < day).sort();
    const base = days.filter((d) => d <= weekAgo).pop() ?? days[0];
    const rows = base === undefined ? undefined : byDay?.get(base);
    return Promise.resolve(base === undefined || rows === undefined ? null : { day: base, rows });
  }
  saveClanBoard(seasonId: string, rows: readonly StoredClanRow[], at: Date): Promise<void> {
    this.clanBoards.set(seasonId, { rows, at });
    return Promise.resolve();
  }
  readClanBoard(seasonId: string): Promise<ClanBoardEntry[]> {
    const rows = this.clanBoards.get(seasonId)?.rows ?? [];
    return Promise.resolve(rows.map((r) => this.toClanEntry(r)));
  }
  findClanEntry(seasonId: string, clanId: string): Promise<ClanBoardEntry | null> {
    const row = this.clanBoards.get(seasonId)?.rows.find((r) => r.clanId === clanId);
    return Promise.resolve(row ? this.toClanEntry(row) : null);
  }
  saveHighlights(seasonId: string, value: StoredHighlights, at: Date): Promise<void> {
    this.highlights.set(seasonId, { value, at });
    return Promise.resolve();
  }
  readHighlights(seasonId: string): Promise<HighlightsView | null> {
    const stored = this.highlights.get(seasonId);
    if (!stored) return Promise.resolve(null);
    const h = stored.value.highlights;
    const shown = <T extends { traderId: string }>(x: T | null) => {
      if (x === null) return null;
      const { traderId, ...rest } = x;
      const handle = this.handles.get(traderId) ?? traderId;
      return { ...rest, handle, displayName: handle };
    };
    return Promise.resolve({
      weekStartsAt: stored.value.weekStartsAt.toISOString(),
      updatedAt: stored.at.toISOString(),
      biggestClimber: shown(h.biggestClimber),
      mostConsistent: shown(h.mostConsistent),
      highestSingleTrade: shown(h.highestSingleTrade),
    });
  }
  saveBoard(seasonId: string, day: string, rows: readonly StoredBoardRow[], at: Date): Promise<void> {
    this.boards.set(seasonId, { rows, at });
    const byDay = this.snapshots.get(seasonId) ?? new Map<string, BoardSnapshot>();
    byDay.set(
      day,
      rows.map((r) => ({ traderId: r.traderId, position: r.position, tier: r.tier })),
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
  clanSeasonHistory(clanId: string): Promise<ClanSeasonResult[]> {
    return Promise.resolve([...(this.clanHistory.get(clanId) ?? [])]);
  }
  seasonHistory(userId: string): Promise<SeasonResultEntry[]> {
    return Promise.resolve(this.history.get(userId) ?? []);
  }
  private toClanEntry(r: StoredClanRow): ClanBoardEntry {
    const clan = this.clans.find((c) => c.clanId === r.clanId);
    return { ...r, name: clan?.name ?? '', slug: clan?.slug ?? '' };
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
