import { authenticateSession, seasons } from '@clantrader/core';
import { getCookie } from 'hono/cookie';
import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../deps';
import { readSessionToken, SESSION_COOKIE } from '../middleware/auth';

/** The running season and, for a signed-in trader, their standing and their clan's. */
export function seasonRoutes(deps: ApiDeps) {
  return new Hono<ApiEnv>().get('/seasons/current', async (c) => {
    const now = deps.accounts.clock.now();
    const season = seasons.seasonFor(now);
    const found = readSessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    const user = found ? await authenticateSession(deps.accounts, found.token) : null;
    const [entry, membership] = user
      ? await Promise.all([deps.leaderboard.store.findEntry(season.id, user.id), deps.clans.store.clanOf(user.id)])
      : [null, null];
    // The clan board stored at recompute: one indexed read, on every signed-in page.
    const clanRow = membership ? await deps.leaderboard.store.findClanEntry(season.id, membership.clan.id) : null;
    return c.json({
      season: {
        id: season.id,
        startsAt: season.startsAt.toISOString(),
        endsAt: season.endsAt.toISOString(),
        daysLeft: seasons.daysLeft(season, now),
      },
      me: entry ? { position: entry.position, score: entry.score, tier: entry.tier, eligible: entry.eligible } : null,
      clan: clanRow
        ? { id: clanRow.clanId, name: clanRow.name, position: clanRow.position, score: clanRow.score }
        : null,
    });
  });
}
