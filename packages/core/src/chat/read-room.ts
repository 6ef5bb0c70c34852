import { DomainError } from '../shared/domain-error';
import { isChatParty, type ChatMessage } from './model';
import type { ChatStore, RoomAccess, UnreadRoom } from './ports';
import { MAX_PAGE } from './protocol';

export type ChatReadDeps = { access: RoomAccess; store: ChatStore };

/**
 * History over HTTP for the first paint of a chat (the socket then takes over with
 * `since` = the newest seq shown). Same pages as the `history` frame: ascending, at most
 * `limit`, older than `before`.
 * @throws DomainError `request.not_found` for a party without chat, `room.forbidden` for a non-member
 */
export async function readRoomHistory(
  deps: ChatReadDeps,
  input: { userId: string; party: string; room: string; before?: number; limit?: number },
): Promise<{ messages: ChatMessage[]; hasMore: boolean; readSeq: number }> {
  const { party, room, userId } = input;
  if (!isChatParty(party)) throw new DomainError('request.not_found', `No chat in party "${party}"`);
  const role = await deps.access.roleIn({ party, room, userId });
  if (!role) throw new DomainError('room.forbidden', 'You are not a member of this room');
  const limit = Math.min(Math.max(input.limit ?? 50, 1), MAX_PAGE);
  const [rows, readSeq] = await Promise.all([
    deps.store.listBefore({ party, room, beforeSeq: input.before ?? null, limit: limit + 1 }),
    deps.store.readMarker({ party, room, userId }),
  ]);
  const hasMore = rows.length > limit;
  return { messages: hasMore ? rows.slice(1) : rows, hasMore, readSeq };
}

const PREVIEW_CHARS = 140;

/**
 * The sidebar's chat rooms with unread counts (messages after the user's read marker,
 * not their own, not deleted) and a short preview of the newest message.
 */
export async function listUnreadRooms(deps: { access: RoomAccess }, userId: string): Promise<UnreadRoom[]> {
  const rooms = await deps.access.unreadRooms(userId);
  return rooms.map((r) =>
    r.lastMessage && r.lastMessage.text.length > PREVIEW_CHARS
      ? { ...r, lastMessage: { ...r.lastMessage, text: `${r.lastMessage.text.slice(0, PREVIEW_CHARS)}…` } }
      : r,
  );
}
