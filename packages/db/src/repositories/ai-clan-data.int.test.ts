import { clans as core, ranking, type clans as c } from '@clantrader/core';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { newAccount, T0 } from './account-fixtures';
import { createAccountStore } from './account-store';
import { createAiDataSource } from './ai-data';
import { createClanSummaryStore } from './clan-ai-store';
import { createClanStore } from './clan-store';
import { rowsOf } from './season-sql';

const DAY = 86_400_000;
const clock = { now: () => T0 };
let serial = 0;

async function user(handle: DbHandle, name: string): Promise<string> {
  serial += 1;
  const a = newAccount(serial, { handle: `${name}_${serial}`, email: `${name}${serial}@example.test` });
  await createAccountStore(handle.db).createAccount(a);
  return a.user.id;
}

const handleOf = async (h: DbHandle, userId: string) =>
  String(
    ((await h.db.execute(sql`select handle from profiles where user_id = ${userId}`)) as { rows: { handle: string }[] })
      .rows[0]?.handle,
  );

/**
 * A verified statement (report with the figures profiles and clans read) of a new account,
 * a 10,000.00 deposit on 2026-01-01 and the given closed trades `[daysBeforeT0, netCents]`.
 */
async function verified(
  h: DbHandle,
  userId: string,
  o: { dd: number; twr: number; instruments: string[]; trades?: [number, number][] },
): Promise<void> {
  const acct = randomUUID();
  await h.db.execute(
    sql`insert into trading_accounts (id, user_id, account_key, currency, created_at) values (${acct}, ${userId}, ${acct}, 'USD', ${T0})`,
  );
  const stats = {
    tradeCount: o.trades?.length ?? 10,
    netProfit: 5_000,
    winRatePct: 50,
    maxDrawdownPct: o.dd,
    timeWeightedReturnPct: o.twr,
    absoluteGainPct: o.twr,
    profitFactor: 1.5,
    finalBalance: 1_005_000,
  };
  const report = JSON.stringify({ stats, instruments: o.instruments, account: { currency: 'USD' } });
  const statementId = randomUUID();
  await h.db.execute(sql`insert into statements (id, user_id, file_name, byte_size, blob_key, status, label,
      trading_account_id, report, created_at, verified_at)
    values (${statementId}, ${userId}, 'r.htm', 1, 'b', 'verified', 'broker_verified', ${acct}, ${report}::jsonb, ${T0}, ${T0})`);
  await h.db.execute(sql`insert into balance_operations (trading_account_id, op_key, statement_id, time, kind, amount)
    values (${acct}, 'dep', ${statementId}, '2026-01-01T00:00:00', 'deposit', 1000000)`);
  // `closed_at` (UTC copy of close_time) exists once the leaderboard speed-up migration is in.
  const typed =
    rowsOf(
      await h.db.execute(
        sql`select 1 from information_schema.columns where table_name = 'trades' and column_name = 'closed_at'`,
      ),
    ).length > 0;
  for (const [i, [daysAgo, net]] of (o.trades ?? []).entries()) {
    const close = new Date(T0.getTime() - daysAgo * DAY).toISOString().slice(0, 19);
    await h.db.execute(
      typed
        ? sql`insert into trades (trading_account_id, ticket, statement_id, close_time, closed_at, side, volume, symbol,
            commission, fee, swap, profit)
          values (${acct}, ${String(i)}, ${statementId}, ${close}, ${close}, 'buy', '1', ${o.instruments[0] ?? 'EURUSD'}, 0, 0, 0, ${net})`
        : sql`insert into trades (trading_account_id, ticket, statement_id, close_time, side, volume, symbol,
            commission, fee, swap, profit)
          values (${acct}, ${String(i)}, ${statementId}, ${close}, 'buy', '1', ${o.instruments[0] ?? 'EURUSD'}, 0, 0, 0, ${net})`,
    );
  }
}

async function boardEntry(h: DbHandle, userId: string, position: number, score: number | null): Promise<void> {
  await h.db.execute(sql`with new_board as (insert into leaderboard_boards (season_id, ready, created_at)
        select '2026-01', true, now() where not exists (select 1 from leaderboard_boards where season_id = '2026-01' and ready) returning id)
      insert into leaderboard_entries (board, season_id, user_id, position, eligible, score, tier, return_pct,
      max_drawdown_pct, trades, trading_days, instruments, movement_direction, movement_delta, updated_at)
    values (coalesce((select id from new_board), (select max(id) from leaderboard_boards where season_id = '2026-01' and ready)), '2026-01', ${userId}, ${position}, ${score !== null}, ${score}, ${score === null ? null : 'gold'}, 1, 1, 10, 5,
      array['XAUUSD'], 'new', 0, ${T0})`);
}

function clanRow(createdBy: string, name: string, o: Partial<c.Clan> = {}): c.Clan {
  return {
    id: randomUUID(),
    name,
    slug: core.slugify(name),
    description: '',
    avatarUrl: null,
    tradingFocus: 'gold',
    privacy: 'open',
    plan: 'pro',
    telegramUrl: null,
    createdBy,
    createdAt: new Date(T0.getTime() - 30 * DAY),
    disbandedAt: null,
    ...o,
  };
}

describe.each(testDatabases())('AI data source: clans on $name', ({ open }) => {
  let h: DbHandle;
  let ids: Record<'alice' | 'bob' | 'dave' | 'eve' | 'frank' | 'gina' | 'ivan', string>;
  let wolf: c.Clan;
  let bear: c.Clan;
  let idle: c.Clan;

  beforeEach(async () => {
    h = await open();
    const names = ['alice', 'bob', 'dave', 'eve', 'frank', 'gina', 'ivan'] as const;
    ids = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await user(h, n)]))) as typeof ids;
    const store = createClanStore(h.db);
    wolf = clanRow(ids.alice, 'Wolf Pack');
    bear = clanRow(ids.dave, 'Bear Market');
    idle = clanRow(ids.ivan, 'Idle Hands');
    for (const clan of [wolf, bear, idle]) await store.createClan(clan);
    await store.addMember({
      clanId: wolf.id,
      userId: ids.bob,
      joinedAt: new Date(T0.getTime() - 2 * DAY),
      via: { kind: 'open' },
      limits: core.CLAN_SIZE_LIMITS,
    });
    // alice: +1 % three days ago, -0.5 % ten days ago; bob: -2 % yesterday; dave: +3 % before, nothing recent.
    await verified(h, ids.alice, {
      dd: 6,
      twr: 12,
      instruments: ['XAUUSD'],
      trades: [
        [10, -5_000],
        [3, 10_000],
      ],
    });
    await verified(h, ids.bob, { dd: 9, twr: 2, instruments: ['EURUSD'], trades: [[1, -20_000]] });
    await verified(h, ids.dave, { dd: 3, twr: 5, instruments: ['XAUUSD'], trades: [[9, 30_000]] });
    await verified(h, ids.eve, { dd: 4, twr: 8, instruments: ['XAUUSD'] });
    await verified(h, ids.frank, { dd: 30, twr: 20, instruments: ['XAUUSD'] });
    await boardEntry(h, ids.dave, 1, 80);
    await boardEntry(h, ids.alice, 2, 70);
    await boardEntry(h, ids.ivan, 3, null);
  });
  afterEach(() => h.close());

  it('finds a clan by its tag (slug), with or without # and in any case, never a disbanded one', async () => {
    const data = createAiDataSource(h.db, clock);
    expect(await data.findClan('wolf-pack')).toEqual({ clanId: wolf.id, tag: 'wolf-pack' });
    expect(await data.findClan('#WOLF-PACK')).toEqual({ clanId: wolf.id, tag: 'wolf-pack' });
    expect(await data.findClan('wolf')).toBeNull();
    await createClanStore(h.db).disband(idle.id, T0);
    expect(await data.findClan('idle-hands')).toBeNull();
  });

  it('ranks the season board of clans with rankClans over the members’ board scores', async () => {
    const data = createAiDataSource(h.db, clock);
    const top = await data.topClans({ limit: 10, period: 'season' });
    const expected = ranking.rankClans(
      [
        { clanId: 'wolf', memberIds: ['alice', 'bob'] },
        { clanId: 'bear', memberIds: ['dave'] },
      ],
      [
        { traderId: 'dave', position: 1, eligible: true, score: 80 },
        { traderId: 'alice', position: 2, eligible: true, score: 70 },
      ] as ranking.RankedTrader[],
    );
    // Idle Hands has no eligible member: not on the board.
    expect(top).toEqual([
      { tag: 'bear-market', name: 'Bear Market', rank: 1, score: expected[0]?.score, members: 1 },
      { tag: 'wolf-pack', name: 'Wolf Pack', rank: 2, score: expected[1]?.score, members: 2 },
    ]);
    expect(await data.topClans({ limit: 1, period: 'season' })).toHaveLength(1);
    // This week: only clans with trades in the last 7 days; wolf's median of +1 % and -2 % is -0.5 %.
    expect(await data.topClans({ limit: 10, period: 'week' })).toEqual([
      { tag: 'wolf-pack', name: 'Wolf Pack', rank: 1, score: -0.5, members: 2 },
    ]);
  });

  it('shows public clan stats to the tools and the member breakdown only through the private read', async () => {
    const data = createAiDataSource(h.db, clock);
    const pub = await data.clanPublicStats(wolf.id);
    expect(pub).toEqual({
      tag: 'wolf-pack',
      name: 'Wolf Pack',
      rank: 2,
      score: expect.any(Number),
      members: 2,
      returnPct: 7,
      maxDrawdownPct: 9,
      season: '2026-01',
    });
    expect(await data.clanPrivateStats(wolf.id)).toEqual({
      ...pub,
      memberBreakdown: [
        { handle: await handleOf(h, ids.alice), returnPct: 12 },
        { handle: await handleOf(h, ids.bob), returnPct: 2 },
      ],
      notes: '',
    });
    expect(await data.clanPublicStats(randomUUID())).toBeNull();
  });

  it("compares a clan's verified results per window: trades, returns, drawdown, joins, contributors", async () => {
    const data = createAiDataSource(h.db, clock);
    const recent = { from: new Date(T0.getTime() - 7 * DAY), to: T0 };
    const before = { from: new Date(T0.getTime() - 14 * DAY), to: recent.from };
    const alice = await handleOf(h, ids.alice);
    const bob = await handleOf(h, ids.bob);
    const now = await data.clanActivityPrivate(wolf.id, recent);
    expect(now).toMatchObject({
      tag: 'wolf-pack',
      members: 2,
      verifiedMembers: 2,
      joined: [bob],
      trades: 2,
      winRatePct: 50,
      // alice +10,000 on a 9,950.00 start (1.01 %), bob -20,000 on 10,000.00 (-2 %): median -0.5 %.
      returnPct: -0.5,
      maxDrawdownPct: 2,
      contributors: [
        { handle: alice, trades: 1, returnPct: 1.01, maxDrawdownPct: 0 },
        { handle: bob, trades: 1, returnPct: -2, maxDrawdownPct: 2 },
      ],
    });
    expect(await data.clanActivityPrivate(wolf.id, before)).toMatchObject({
      joined: [],
      trades: 1,
      returnPct: -0.25,
      contributors: [
        { handle: bob, trades: 0, returnPct: 0, maxDrawdownPct: null },
        { handle: alice, trades: 1, returnPct: -0.5, maxDrawdownPct: 0.5 },
      ],
    });
    const pub = await data.clanActivity(bear.id, before);
    expect(pub).toMatchObject({ tag: 'bear-market', trades: 1, returnPct: 3, winRatePct: 100 });
    expect(pub).not.toHaveProperty('contributors');
    expect(await data.clanActivity(randomUUID(), recent)).toBeNull();
  });

  it('searches the free-agent market: verified, in no clan, lowest drawdown first', async () => {
    const data = createAiDataSource(h.db, clock);
    const q = { style: null, pair: 'XAUUSD', tier: null, risk: null, session: null, maxDrawdownPct: null, limit: 5 };
    const all = await data.searchFreeAgents(q);
    expect(all.map((a) => [a.handle, a.maxDrawdownPct, a.riskLevel])).toEqual([
      [await handleOf(h, ids.eve), 4, 'low'],
      [await handleOf(h, ids.frank), 30, 'high'],
    ]);
    expect(all[0]).toMatchObject({ tradedInstruments: ['XAUUSD'], verification: 'broker-verified' });
    expect(JSON.stringify(all)).not.toContain(ids.eve);
    expect((await data.searchFreeAgents({ ...q, risk: 'low' })).map((a) => a.handle)).toEqual([
      await handleOf(h, ids.eve),
    ]);
    expect(await data.searchFreeAgents({ ...q, maxDrawdownPct: 3 })).toEqual([]);
    expect(await data.searchFreeAgents({ ...q, pair: 'GBPUSD' })).toEqual([]);
  });

  it('stores one weekly summary per clan and week', async () => {
    const store = createClanSummaryStore(h.db);
    const weekEnd = new Date('2026-01-12T00:00:00Z');
    const todo = await store.clansWithoutSummary('2026-W02', weekEnd, 10);
    expect(new Set(todo)).toEqual(new Set([wolf.id, bear.id, idle.id]));
    const summary = {
      clanId: wolf.id,
      week: '2026-W02',
      weekStart: new Date('2026-01-05T00:00:00Z'),
      weekEnd,
      text: 'A good week.',
      tier: 'local' as const,
      model: 'qwen',
      providerId: 'ollama',
      createdAt: T0,
    };
    expect(await store.save(summary)).toBe(true);
    expect(await Promise.all([store.save({ ...summary, text: 'x' }), store.save({ ...summary, text: 'y' })])).toEqual([
      false,
      false,
    ]);
    expect(await store.clansWithoutSummary('2026-W02', weekEnd, 10)).not.toContain(wolf.id);
    expect(await store.clansWithoutSummary('2026-W02', new Date('2025-01-01T00:00:00Z'), 10)).toEqual([]);
    await store.save({ ...summary, week: '2026-W01', text: 'Older.' });
    expect((await store.list(wolf.id, 5)).map((s) => [s.week, s.text])).toEqual([
      ['2026-W02', 'A good week.'],
      ['2026-W01', 'Older.'],
    ]);
    expect(await store.list(bear.id, 5)).toEqual([]);
  });
});
