import type { RoomRole, RoomTicketSigner } from '../shared/ports';
import { isChatParty, isRoomParty, roleAllowedIn } from './model';
import { ROOM_CLOSE_CODES, type RoomCloseCode, type RoomErrorCode } from './protocol';

/** The verdict on a websocket that asks to enter a room, decided before it joins. */
export type Admission =
  | { ok: true; room: string; userId: string; role: RoomRole }
  | { ok: false; room: string; code: RoomErrorCode; message: string; closeCode: RoomCloseCode };

const MAX_TICKET_CHARS = 2048;

/**
 * Checks the room ticket from the connection URL. The ticket must verify (signature and
 * expiry, via the signer port) AND name this very party and room with a role the party
 * admits, so a lobby ticket never opens a clan chat and a subscriber's ticket never opens
 * the members' chat. The API issued it only after checking membership in the database.
 * Never throws: a failing signer counts as a bad ticket.
 */
export async function admitConnection(
  deps: { tickets: RoomTicketSigner; party: string },
  input: { room: string; ticket: string | null | undefined },
): Promise<Admission> {
  const { room, ticket } = input;
  const refuse = (code: 'room.unauthorized' | 'room.forbidden', message: string): Admission => ({
    ok: false,
    room,
    code,
    message,
    closeCode: code === 'room.unauthorized' ? ROOM_CLOSE_CODES.unauthorized : ROOM_CLOSE_CODES.forbidden,
  });
  if (!ticket) return refuse('room.unauthorized', 'A room ticket is required');
  if (ticket.length > MAX_TICKET_CHARS) return refuse('room.unauthorized', 'Room ticket is invalid or expired');
  const claims = await deps.tickets.verify(ticket).catch(() => null);
  if (!claims) return refuse('room.unauthorized', 'Room ticket is invalid or expired');
  const party = claims.party ?? 'lobby';
  if (claims.room !== room || party !== deps.party) return refuse('room.forbidden', 'This ticket is for another room');
  // Only lobby tickets may leave the role out; a chat ticket names the role the API looked up.
  const role = claims.role ?? (isChatParty(party) ? undefined : 'member');
  if (!role || !isRoomParty(party) || !roleAllowedIn(party, role)) {
    return refuse('room.forbidden', 'You are not a member of this room');
  }
  return { ok: true, room, userId: claims.userId, role };
}
