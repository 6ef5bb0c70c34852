import { getPublicProfile, getTraderStats } from '@clantrader/core';
import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../deps';

/** Public trader profiles and their verified stats, readable without an account. */
export function profileRoutes(deps: ApiDeps) {
  return new Hono<ApiEnv>()
    .get('/profiles/:handle', async (c) => {
      return c.json(await getPublicProfile(deps.accounts, c.req.param('handle')));
    })
    .get('/profiles/:handle/stats', async (c) => {
      return c.json(await getTraderStats(deps.statements, c.req.param('handle')));
    });
}
