import { redirect } from '@sveltejs/kit';
import { optional } from '$lib/clans/load.server';
import { postActions } from '$lib/channels/actions.server';
import { FeedPageSchema, PeekStatusSchema } from '$lib/channels/schemas';
import { apiJson } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The home feed: followed channels plus trending posts, newest first, cursor pages. */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login?next=/feed');
  const raw = event.url.searchParams.get('cursor') ?? '';
  const cursor = UUID.test(raw) ? raw : '';
  const [feed, peeks] = await Promise.all([
    optional('feed', apiJson(event, `/feed?limit=${PAGE_SIZE}${cursor ? `&cursor=${cursor}` : ''}`, FeedPageSchema)),
    optional('peeks', apiJson(event, '/me/peeks', PeekStatusSchema)),
  ]);
  return { feed, peeks, cursor };
};

export const actions: Actions = { react: postActions.react, peek: postActions.peek };
