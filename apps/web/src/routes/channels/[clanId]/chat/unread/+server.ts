import { json } from '@sveltejs/kit';
import { loadSidebarRooms } from '$lib/chat/chat-api.server';
import type { RequestHandler } from './$types';

/** The sidebar's unread counts, re-read by the chat page after it marks the chat read. */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.user) return json([], { status: 401 });
  return json(await loadSidebarRooms(event), { headers: { 'cache-control': 'no-store' } });
};
