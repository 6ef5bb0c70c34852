import { listUnreadRooms, MAX_PAGE, readRoomHistory } from '@clantrader/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { queryParams } from '../validate';

const HistoryQuerySchema = z.strictObject({
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
});

/**
 * Chat over HTTP, beside the websocket rooms: the sidebar's unread badges, and a room's
 * newest page for the first paint (the socket then connects with `since` = its last seq).
 */
export function chatRoutes(deps: ApiDeps) {
  return new Hono<ApiEnv>()
    .get('/chat/unread', requireSession(deps), async (c) =>
      c.json({ rooms: await listUnreadRooms(deps.chat, c.get('user').id) }),
    )
    .get('/chat/:party/:room/messages', requireSession(deps), queryParams(HistoryQuerySchema), async (c) => {
      const { before, limit } = c.req.valid('query');
      const page = await readRoomHistory(deps.chat, {
        userId: c.get('user').id,
        party: c.req.param('party'),
        room: c.req.param('room'),
        limit,
        ...(before === undefined ? {} : { before }),
      });
      return c.json(page);
    });
}
