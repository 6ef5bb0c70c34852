import { redirect } from '@sveltejs/kit';
import { loadChatClan, loadRoomPage } from '$lib/chat/chat-api.server';
import type { PageServerLoad } from './$types';

/**
 * The clan chat: the clan (for its name and who is who) and the newest page of messages
 * for the first paint; the browser's socket takes over from there. A trader who is not a
 * member gets the page with `forbidden` set and no socket is opened.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, url, params } = event;
  if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
  const clan = await loadChatClan(event, params.id);
  const page = await loadRoomPage(event, 'clan', clan.id);
  return {
    clan,
    initial: page === 'forbidden' ? null : page,
    forbidden: page === 'forbidden',
  };
};
