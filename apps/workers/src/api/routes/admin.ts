import {
  AdminListQuerySchema,
  listStatementsForReview,
  reviewStatement,
  ReviewInputSchema,
  SetPlanSchema,
  setUserPlan,
} from '@clantrader/core';
import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { jsonBody, queryParams, readPathId } from '../validate';
import { readStatementId } from './statements';

/** Admin review of statements and plan grants. Core checks the role; a signed-in non-admin gets 403. */
export function adminRoutes(deps: ApiDeps) {
  const session = requireSession(deps);
  return new Hono<ApiEnv>()
    .get('/admin/statements', session, queryParams(AdminListQuerySchema), async (c) => {
      const q = c.req.valid('query');
      return c.json(await listStatementsForReview(deps.statements, { adminId: c.get('user').id, ...q }));
    })
    .post('/admin/statements/:id/review', session, jsonBody(ReviewInputSchema), async (c) => {
      const statementId = readStatementId(c.req.param('id'));
      const input = c.req.valid('json');
      return c.json(await reviewStatement(deps.statements, { ...input, adminId: c.get('user').id, statementId }));
    })
    .post('/admin/users/:id/plan', session, jsonBody(SetPlanSchema), async (c) => {
      const userId = readPathId(c.req.param('id'), 'profile.not_found', 'No such user');
      const { plan } = c.req.valid('json');
      return c.json(await setUserPlan(deps.accounts, { adminId: c.get('user').id, userId, plan }));
    });
}
