import { leaderboard, seasons, TRADING_STYLES } from '@clantrader/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps';
import { queryParams, readPathId } from '../validate';

const BoardQuerySchema = z.strictObject({
  season: seasons.SeasonIdSchema.optional(),
  sort: z.enum(['score', 'return', 'sharpe', 'drawdown', 'activity']).default('score'),
  instrument: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9._#-]{1,24}$/, 'Instrument must be a symbol like EURUSD')
    .optional(),
  style: z.enum(TRADING_STYLES).optional(),
  cursor: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const SeasonQuerySchema = z.strictObject({ season: seasons.SeasonIdSchema.optional() });

/** Trader and clan leaderboards and weekly highlights of a season (default: the current one), and archived season results. */
export function leaderboardRoutes(deps: ApiDeps) {
  const current = () => seasons.seasonFor(deps.accounts.clock.now()).id;
  return new Hono<ApiEnv>()
    .get('/leaderboard/traders', queryParams(BoardQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const seasonId = q.season ?? current();
      const page = await leaderboard.getLeaderboardPage(deps.leaderboard, {
        seasonId,
        sort: q.sort,
        offset: q.cursor,
        limit: q.limit,
        ...(q.instrument === undefined ? {} : { instrument: q.instrument }),
        ...(q.style === undefined ? {} : { style: q.style }),
      });
      return c.json({
        season: { id: seasonId },
        updatedAt: page.updatedAt,
        items: page.items,
        nextCursor: page.items.length === q.limit ? q.cursor + q.limit : null,
      });
    })
    .get('/leaderboard/clans', queryParams(SeasonQuerySchema), async (c) => {
      const seasonId = c.req.valid('query').season ?? current();
      const board = await leaderboard.readClanLeaderboard(deps.leaderboard, { seasonId });
      return c.json({ season: { id: seasonId }, items: board.items });
    })
    .get('/leaderboard/clans/:id/history', async (c) => {
      const clanId = readPathId(c.req.param('id'), 'clan.not_found', 'Clan not found');
      return c.json(await leaderboard.getClanSeasonHistory(deps.leaderboard, { clanId }));
    })
    .get('/leaderboard/highlights', queryParams(SeasonQuerySchema), async (c) => {
      const seasonId = c.req.valid('query').season ?? current();
      const view = await leaderboard.getWeeklyHighlights(deps.leaderboard, { seasonId });
      return c.json({
        season: { id: seasonId },
        weekStartsAt: view?.weekStartsAt ?? null,
        updatedAt: view?.updatedAt ?? null,
        biggestClimber: view?.biggestClimber ?? null,
        mostConsistent: view?.mostConsistent ?? null,
        highestSingleTrade: view?.highestSingleTrade ?? null,
      });
    })
    .get('/leaderboard/traders/:handle', queryParams(SeasonQuerySchema), async (c) => {
      const seasonId = c.req.valid('query').season ?? current();
      return c.json(await leaderboard.getTraderRank(deps.leaderboard, { seasonId, handle: c.req.param('handle') }));
    })
    .get('/profiles/:handle/seasons', async (c) => {
      return c.json(await leaderboard.getSeasonHistory(deps.leaderboard, { handle: c.req.param('handle') }));
    });
}
