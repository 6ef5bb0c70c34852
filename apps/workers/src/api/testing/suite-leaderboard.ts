import { expect, it } from 'vitest';
import { call, createAccount, expectProblem, logIn, seasonBoardSql, type ApiTestClient } from './api-client';

const SEASON = '2019-03';

/** Puts a trader on a season's board directly in SQL (the recompute is tested in packages/db). */
async function placeOnBoard(client: ApiTestClient, handle: string, seasonId: string, position: number): Promise<void> {
  const eligible = position <= 2;
  const board = seasonBoardSql(seasonId);
  await client.query(`${board.with} insert into leaderboard_entries (board, season_id, user_id, position, eligible, score, tier, component_return, component_sharpe,
      component_drawdown, component_activity, return_pct, sharpe,
      max_drawdown_pct, trades, trading_days, style, instruments, movement_direction, movement_delta, updated_at)
    select ${board.board}, '${seasonId}', user_id, ${position}, ${eligible}, ${eligible ? 70 - position : 'null'}, ${eligible ? "'gold'" : 'null'},
      ${eligible ? '75, 50, 100, 62.5' : 'null, null, null, null'}, ${10 - position}, ${eligible ? 1.5 : 'null'},
      2.5, 12, 6, 'swing_trader', array['EURUSD'], 'up', 2, '2019-03-10T00:00:00Z'
    from profiles where handle = '${handle}'`);
}

/** Stores a clan's row of a season's clan board directly (the recompute that writes it is tested in packages/db). */
async function placeClanOnBoard(
  client: ApiTestClient,
  clanId: string,
  seasonId: string,
  position: number,
): Promise<void> {
  await client.query(`insert into leaderboard_clan_entries (season_id, clan_id, position, score, members, eligible_members,
      best_member_position, updated_at)
    values ('${seasonId}', '${clanId}', ${position}, ${60 - position}, 1, 1, ${position}, '2019-04-10T00:00:00Z')`);
}

/** The leaderboard contract the web app builds on (docs/api.md, "Seasons and leaderboards"). */
export function defineLeaderboardTests(client: () => ApiTestClient): void {
  it('pages a season board with cursors and filters, and reads one trader by handle', async () => {
    const [a, b, c] = [await createAccount(client()), await createAccount(client()), await createAccount(client())];
    await placeOnBoard(client(), a.handle, SEASON, 1);
    await placeOnBoard(client(), b.handle, SEASON, 2);
    await placeOnBoard(client(), c.handle, SEASON, 3);
    const first = await call(client(), 'GET', `/leaderboard/traders?season=${SEASON}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ season: { id: SEASON }, updatedAt: '2019-03-10T00:00:00.000Z', nextCursor: 2 });
    expect(first.body?.items).toEqual([
      {
        position: 1,
        handle: a.handle,
        displayName: a.displayName,
        score: 69,
        tier: 'gold',
        eligible: true,
        movement: { direction: 'up', delta: 2 },
        components: { return: 75, sharpe: 50, drawdown: 100, activity: 62.5 },
        metrics: { returnPct: 9, sharpe: 1.5, maxDrawdownPct: 2.5, trades: 12, tradingDays: 6 },
      },
      expect.objectContaining({ position: 2, handle: b.handle }),
    ]);
    const rest = await call(client(), 'GET', `/leaderboard/traders?season=${SEASON}&limit=2&cursor=2`);
    expect(rest.body).toMatchObject({
      items: [{ position: 3, handle: c.handle, eligible: false, score: null, tier: null }],
      nextCursor: null,
    });
    const byReturn = await call(
      client(),
      'GET',
      `/leaderboard/traders?season=${SEASON}&sort=return&instrument=eurusd&style=swing_trader`,
    );
    expect((byReturn.body?.items as { position: number }[]).map((i) => i.position)).toEqual([1, 2, 3]);
    const none = await call(client(), 'GET', `/leaderboard/traders?season=${SEASON}&instrument=XAUUSD`);
    expect(none.body).toMatchObject({ items: [], nextCursor: null });
    expect((await call(client(), 'GET', `/leaderboard/traders/${b.handle}?season=${SEASON}`)).body).toMatchObject({
      position: 2,
      handle: b.handle,
    });
  });

  it('answers unknown traders, unranked traders and bad queries with stable codes', async () => {
    const who = await createAccount(client());
    expectProblem(
      await call(client(), 'GET', `/leaderboard/traders/${who.handle}?season=${SEASON}`),
      404,
      'leaderboard.not_ranked',
    );
    expectProblem(
      await call(client(), 'GET', `/leaderboard/traders/nobody_here_at_all?season=${SEASON}`),
      404,
      'profile.not_found',
    );
    expectProblem(await call(client(), 'GET', '/profiles/nobody_here_at_all/seasons'), 404, 'profile.not_found');
    for (const q of [
      'season=2019-13',
      'sort=luck',
      'limit=101',
      'limit=0',
      'cursor=-1',
      'style=gambler',
      'colour=red',
    ]) {
      expectProblem(await call(client(), 'GET', `/leaderboard/traders?${q}`), 422, 'validation.failed');
    }
  });

  it('shows the current season and the signed-in trader on it, and a profile season history', async () => {
    const who = await createAccount(client());
    const anon = await call(client(), 'GET', '/seasons/current');
    expect(anon.status).toBe(200);
    const season = (anon.body as { season: { id: string; startsAt: string; endsAt: string; daysLeft: number } }).season;
    expect(season.id).toMatch(/^\d{4}-\d{2}$/);
    expect(season.startsAt.slice(0, 7)).toBe(season.id);
    expect(season.daysLeft).toBeGreaterThanOrEqual(0);
    expect(anon.body?.me).toBeNull();
    const token = await logIn(client(), who);
    expect((await call(client(), 'GET', '/seasons/current', { token })).body?.me).toBeNull();
    await placeOnBoard(client(), who.handle, season.id, 1);
    expect((await call(client(), 'GET', '/seasons/current', { token })).body?.me).toEqual({
      position: 1,
      score: 69,
      tier: 'gold',
      eligible: true,
    });
    await client().query(
      `insert into seasons (id, starts_at, ends_at, status, opened_at) values ('2019-02', '2019-02-01Z', '2019-03-01Z', 'archived', '2019-02-01Z') on conflict do nothing`,
    );
    await client().query(`insert into season_results (season_id, user_id, position, eligible, score, tier, awards)
      select '2019-02', user_id, 4, true, 55.5, 'silver', '["rising_star"]'::jsonb from profiles where handle = '${who.handle}'`);
    expect((await call(client(), 'GET', `/profiles/${who.handle}/seasons`)).body).toEqual({
      items: [{ seasonId: '2019-02', position: 4, tier: 'silver', score: 55.5, awards: ['rising_star'] }],
    });
  });

  it("shows a clan's archived places, newest first, and 404s a path that is not a clan id", async () => {
    const clanId = '0b6f3c1e-2a4d-4c8e-9f10-5d2e7a9b1c01';
    const other = '0b6f3c1e-2a4d-4c8e-9f10-5d2e7a9b1c02';
    for (const [id, clans] of [
      [
        '2018-10',
        [
          [other, 1, 61.5, 3],
          [clanId, 2, 55.25, 2],
        ],
      ],
      ['2018-11', [[clanId, 1, 70, 3]]],
    ] as const) {
      const json = JSON.stringify(
        clans.map(([c, position, score, eligibleMembers]) => ({
          clanId: c,
          position,
          score,
          counted: [],
          eligibleMembers,
          bestMemberPosition: null,
        })),
      );
      await client().query(
        `insert into seasons (id, starts_at, ends_at, status, opened_at) values ('${id}', '${id}-01Z', '${id}-28Z', 'archived', '${id}-01Z') on conflict do nothing`,
      );
      await client().query(`insert into season_archives (season_id, rules, standings, clans, awards, created_at)
        values ('${id}', '{}'::jsonb, '[]'::jsonb, '${json}'::jsonb, '[]'::jsonb, now()) on conflict do nothing`);
    }
    expect((await call(client(), 'GET', `/leaderboard/clans/${clanId}/history`)).body).toEqual({
      items: [
        { seasonId: '2018-11', position: 1, score: 70, clans: 1, eligibleMembers: 3 },
        { seasonId: '2018-10', position: 2, score: 55.25, clans: 2, eligibleMembers: 2 },
      ],
    });
    expectProblem(await call(client(), 'GET', '/leaderboard/clans/not-a-clan/history'), 404, 'clan.not_found');
  });

  it('ranks clans by their members on the trader board, and shows my clan in the season status', async () => {
    const lead = await createAccount(client());
    const token = await logIn(client(), lead);
    const created = await call(client(), 'POST', '/clans', {
      token,
      body: { name: `Board ${Date.now().toString(36)}`, tradingFocus: 'gold', privacy: 'invite' },
    });
    expect(created.status).toBe(201);
    const clanId = String(created.body?.id);
    await placeOnBoard(client(), lead.handle, '2019-04', 1);
    // The clan board is the one stored by the last recompute: a trader row alone does not move it.
    const before = await call(client(), 'GET', '/leaderboard/clans?season=2019-04');
    expect(before.body).toEqual({ season: { id: '2019-04' }, items: [] });
    await placeClanOnBoard(client(), clanId, '2019-04', 1);

    const board = await call(client(), 'GET', '/leaderboard/clans?season=2019-04');
    expect(board.status).toBe(200);
    const items = (board.body?.items ?? []) as { clanId: string; position: number; score: number | null }[];
    expect(items).toEqual([
      {
        position: 1,
        clanId,
        name: created.body?.name,
        slug: created.body?.slug,
        score: 59,
        members: 1,
        eligibleMembers: 1,
        bestMemberPosition: 1,
      },
    ]);
    expectProblem(await call(client(), 'GET', '/leaderboard/clans?season=nope'), 422, 'validation.failed');

    const current = (await call(client(), 'GET', '/seasons/current')).body as { season: { id: string } };
    await placeOnBoard(client(), lead.handle, current.season.id, 2);
    expect((await call(client(), 'GET', '/seasons/current', { token })).body?.clan).toBeNull();
    await placeClanOnBoard(client(), clanId, current.season.id, 3);
    const status = await call(client(), 'GET', '/seasons/current', { token });
    expect(status.body?.clan).toEqual({ id: clanId, name: created.body?.name, position: 3, score: 57 });
  });

  it('shows the weekly highlights stored at recompute, and an empty week', async () => {
    const [up, steady] = [await createAccount(client()), await createAccount(client())];
    const empty = await call(client(), 'GET', '/leaderboard/highlights?season=2019-05');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      season: { id: '2019-05' },
      weekStartsAt: null,
      updatedAt: null,
      biggestClimber: null,
      mostConsistent: null,
      highestSingleTrade: null,
    });
    const row = (kind: string, handle: string, value: number, detail: string) =>
      client()
        .query(`insert into leaderboard_highlights (season_id, kind, user_id, value, detail, week_starts_at, updated_at)
        select '2019-05', '${kind}', user_id, ${value}, '${detail}'::jsonb, '2019-05-03T01:00:00Z', '2019-05-10T01:00:00Z'
        from profiles where handle = '${handle}'`);
    await row('biggest_climber', up.handle, 7, '{"position":2,"previousPosition":9,"since":"2019-05-03"}');
    await row('most_consistent', steady.handle, 4, '{"losingDays":1,"tradingDays":5,"returnPct":2.5}');
    await row('highest_single_trade', up.handle, 3.25, '{"symbol":"XAUUSD","closedAt":"2019-05-08T14:00:00"}');
    const week = await call(client(), 'GET', '/leaderboard/highlights?season=2019-05');
    expect(week.body).toEqual({
      season: { id: '2019-05' },
      weekStartsAt: '2019-05-03T01:00:00.000Z',
      updatedAt: '2019-05-10T01:00:00.000Z',
      biggestClimber: {
        handle: up.handle,
        displayName: up.displayName,
        places: 7,
        position: 2,
        previousPosition: 9,
        since: '2019-05-03',
      },
      mostConsistent: {
        handle: steady.handle,
        displayName: steady.displayName,
        profitableDays: 4,
        losingDays: 1,
        tradingDays: 5,
        returnPct: 2.5,
      },
      highestSingleTrade: {
        handle: up.handle,
        displayName: up.displayName,
        returnPct: 3.25,
        symbol: 'XAUUSD',
        closedAt: '2019-05-08T14:00:00',
      },
    });
    expectProblem(await call(client(), 'GET', '/leaderboard/highlights?season=2019-5'), 422, 'validation.failed');
    expectProblem(await call(client(), 'GET', '/leaderboard/highlights?limit=2'), 422, 'validation.failed');
  });
}
