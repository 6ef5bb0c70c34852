import type { RoomTicketSigner } from '../shared/ports';
import { ROOM_CLOSE_CODES, type RoomCloseCode, type RoomErrorCode } from './protocol';

/** The verdict on a websocket that asks to enter a room, decided before it joins. */
export type Admission =
  | { ok: true; room: string; userId: string }
  | { ok: false; room: string; code: RoomErrorCode; message: string; closeCode: RoomCloseCode };

const MAX_TICKET_CHARS = 2048;

/**
 * Checks the room ticket from the connection URL. The ticket must verify (signature and
 * expiry, via the signer port) AND name this very room, so a ticket for one clan's room
 * never opens another's. Never throws: a failing signer counts as a bad ticket.
 */
export async function admitConnection(
  deps: { tickets: RoomTicketSigner },
  input: { room: string; ticket: string | null | undefined },
): Promise<Admission> {
  const { room, ticket } = input;
  const unauthorized = (message: string): Admission => ({
    ok: false,
    room,
    code: 'room.unauthorized',
    message,
    closeCode: ROOM_CLOSE_CODES.unauthorized,
  });
  if (!ticket) return unauthorized('A room ticket is required');
  if (ticket.length > MAX_TICKET_CHARS) return unauthorized('Room ticket is invalid or expired');
  const claims = await deps.tickets.verify(ticket).catch(() => null);
  if (!claims) return unauthorized('Room ticket is invalid or expired');
  if (claims.room !== room) {
    return {
      ok: false,
      room,
      code: 'room.forbidden',
      message: 'This ticket is for another room',
      closeCode: ROOM_CLOSE_CODES.forbidden,
    };
  }
  return { ok: true, room, userId: claims.userId };
}
