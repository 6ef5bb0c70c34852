import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { jsonBody } from '../validate';

export const RoomTicketRequestSchema = z.strictObject({
  room: z
    .string()
    .min(1, 'Room is required')
    .max(100, 'Room name is too long')
    .regex(/^[A-Za-z0-9_:.-]+$/, 'Room may contain only letters, digits and _ : . -'),
});

/**
 * Short-lived signed tickets for websocket rooms, so the session token never travels in a
 * socket URL. Any signed-in user may ask; the room server checks membership on join.
 */
export function roomRoutes(deps: ApiDeps) {
  return new Hono<ApiEnv>().post(
    '/rooms/ticket',
    requireSession(deps),
    jsonBody(RoomTicketRequestSchema),
    async (c) => {
      const { room } = c.req.valid('json');
      return c.json(await deps.tickets.issue({ userId: c.get('user').id, room }));
    },
  );
}
