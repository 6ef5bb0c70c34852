import { DomainError, isChatParty } from '@clantrader/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { jsonBody } from '../validate';

export const RoomTicketRequestSchema = z.strictObject({
  party: z.enum(['lobby', 'clan', 'subs']).default('lobby'),
  room: z
    .string()
    .min(1, 'Room is required')
    .max(100, 'Room name is too long')
    .regex(/^[A-Za-z0-9_:.-]+$/, 'Room may contain only letters, digits and _ : . -'),
});

/**
 * Short-lived signed tickets for websocket rooms, so the session token never travels in a
 * socket URL. The lobby is open to every signed-in user; for a chat party (`clan`,
 * `subs`) the API looks the user's role up first and signs it into the ticket, which is
 * all the room server checks.
 * @throws DomainError `room.forbidden` (403) when the user may not enter that chat room
 */
export function roomRoutes(deps: ApiDeps) {
  return new Hono<ApiEnv>().post(
    '/rooms/ticket',
    requireSession(deps),
    jsonBody(RoomTicketRequestSchema),
    async (c) => {
      const { party, room } = c.req.valid('json');
      const userId = c.get('user').id;
      if (!isChatParty(party)) return c.json(await deps.tickets.issue({ userId, room }));
      const role = await deps.chat.access.roleIn({ party, room, userId });
      if (!role) throw new DomainError('room.forbidden', 'You are not a member of this room');
      const issued = await deps.tickets.issue({ userId, room, party, role });
      return c.json({ ...issued, party, room, role });
    },
  );
}
