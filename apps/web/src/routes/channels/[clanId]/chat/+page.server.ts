import { redirect } from '@sveltejs/kit';
import { loadChatClan, loadRoomPage } from '$lib/chat/chat-api.server';
import type { PageServerLoad } from './$types';

/**
 * The subscriber chat beside a clan's channel (room = the clan id): for the channel's
 * subscribers and the clan's members. Anyone else gets the page with `forbidden` set.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, url, params } = event;
  if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
  const clan = await loadChatClan(event, params.clanId);
  const page = await loadRoomPage(event, 'subs', clan.id);
  return {
    clan,
    initial: page === 'forbidden' ? null : page,
    forbidden: page === 'forbidden',
  };
};
