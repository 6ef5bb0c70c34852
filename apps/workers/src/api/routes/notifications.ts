import { notifications } from '@clantrader/core';
import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { jsonBody, queryParams } from '../validate';

/** The signed-in user's notifications (rank changes, season events) and the bell's unread count. */
export function notificationRoutes(deps: ApiDeps) {
  const session = requireSession(deps);
  return new Hono<ApiEnv>()
    .get('/me/notifications', session, queryParams(notifications.NotificationPageQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const page = await notifications.listNotifications(deps.notifications, c.get('user').id, {
        limit: q.limit,
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      return c.json(page);
    })
    .post('/me/notifications/read', session, jsonBody(notifications.MarkReadSchema), async (c) => {
      const { upTo } = c.req.valid('json');
      return c.json(await notifications.markNotificationsRead(deps.notifications, c.get('user').id, upTo));
    });
}
