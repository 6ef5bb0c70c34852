import { getMe, ProfileUpdateSchema, updateProfile } from '@clantrader/core';
import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { jsonBody } from '../validate';

/** The signed-in user's own account. */
export function meRoutes(deps: ApiDeps) {
  const session = requireSession(deps);
  return new Hono<ApiEnv>()
    .get('/me', session, async (c) => c.json(await getMe(deps.accounts, c.get('user').id)))
    .patch('/me/profile', session, jsonBody(ProfileUpdateSchema), async (c) => {
      return c.json(await updateProfile(deps.accounts, c.get('user').id, c.req.valid('json')));
    });
}
