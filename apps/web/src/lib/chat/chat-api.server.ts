import type { ChatParty } from '@clantrader/core';
import { error } from '@sveltejs/kit';
import { ApiError, apiJson, type ApiEvent } from '$lib/server/api';
import {
  ChatClanSchema,
  FollowedChannelsSchema,
  RoomPageSchema,
  UnreadRoomsSchema,
  type ChatClan,
  type RoomPage,
  type SidebarRoom,
} from './schemas';
import { TicketResponseSchema } from './ticket';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The clan a chat page belongs to; 404 for an unknown or malformed id. */
export async function loadChatClan(event: ApiEvent, clanId: string): Promise<ChatClan> {
  if (!UUID.test(clanId)) error(404, { message: 'Clan not found', code: 'clan.not_found' });
  try {
    return await apiJson(event, `/clans/${clanId}`, ChatClanSchema);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: 'Clan not found', code: 'clan.not_found' });
    throw e;
  }
}

/**
 * The newest page of a room for the first paint. `forbidden` when the API refuses the user
 * (the page says so without opening a socket); null when the page cannot be read now (the
 * socket then loads it).
 */
export async function loadRoomPage(
  event: ApiEvent,
  party: ChatParty,
  room: string,
): Promise<RoomPage | 'forbidden' | null> {
  try {
    return await apiJson(event, `/chat/${party}/${encodeURIComponent(room)}/messages?limit=50`, RoomPageSchema);
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return 'forbidden';
    console.error('[web] chat history unavailable', e);
    return null;
  }
}

/** A room ticket for the browser's socket; the API refuses non-members with 403. */
export async function issueTicket(event: ApiEvent, party: ChatParty, room: string): Promise<Response> {
  if (!event.locals.apiToken) return Response.json({ code: 'auth.unauthenticated' }, { status: 401 });
  try {
    const response = await apiJson(event, '/rooms/ticket', TicketResponseSchema, {
      method: 'POST',
      json: { party, room },
    });
    return Response.json({ ticket: response.ticket }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    if (e instanceof ApiError && e.status < 500) {
      return Response.json({ code: e.code }, { status: e.status, headers: { 'cache-control': 'no-store' } });
    }
    throw e;
  }
}

/**
 * The sidebar's conversations: clan chat and subscriber chats from GET /chat/unread, and
 * followed channels from GET /me/channels. Each half is optional: if it cannot be read the
 * shell still renders, without those badges.
 */
export async function loadSidebarRooms(event: ApiEvent): Promise<SidebarRoom[]> {
  const [chats, channels] = await Promise.all([
    apiJson(event, '/chat/unread', UnreadRoomsSchema).catch(quiet('chat unread')),
    apiJson(event, '/me/channels', FollowedChannelsSchema).catch(quiet('followed channels')),
  ]);
  const rooms: SidebarRoom[] = (chats?.rooms ?? []).map((r) => ({
    kind: r.party,
    id: r.room,
    title: r.title,
    unread: r.unread,
  }));
  for (const c of channels?.channels ?? [])
    rooms.push({ kind: 'channel', id: c.clanId, title: c.name, unread: c.unread });
  return rooms;
}

function quiet(what: string) {
  return (e: unknown): null => {
    if (!(e instanceof ApiError && e.status === 404)) console.error(`[web] ${what} unavailable`, e);
    return null;
  };
}
