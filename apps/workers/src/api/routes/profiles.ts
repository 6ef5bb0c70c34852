import { getPublicProfile } from '@clantrader/core';
import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../deps';

/** Public trader profiles, readable without an account. */
export function profileRoutes(deps: ApiDeps) {
  return new Hono<ApiEnv>().get('/profiles/:handle', async (c) => {
    return c.json(await getPublicProfile(deps.accounts, c.req.param('handle')));
  });
}
