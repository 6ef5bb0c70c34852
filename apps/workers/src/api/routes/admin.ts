import {
  AdminListQuerySchema,
  listStatementsForReview,
  reviewStatement,
  ReviewInputSchema,
  DomainError,
  SetPlanSchema,
  setUserPlan,
} from '@clantrader/core';
import { z } from 'zod';
import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { jsonBody, queryParams } from '../validate';
import { readStatementId } from './statements';

const UserIdSchema = z.string().uuid();

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
      const userId = UserIdSchema.safeParse(c.req.param('id'));
      if (!userId.success) throw new DomainError('profile.not_found', 'No such user');
      const { plan } = c.req.valid('json');
      return c.json(await setUserPlan(deps.accounts, { adminId: c.get('user').id, userId: userId.data, plan }));
    });
}
