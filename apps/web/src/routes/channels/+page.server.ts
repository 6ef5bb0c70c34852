import { redirect } from '@sveltejs/kit';
import { loadMyClan, optional } from '$lib/clans/load.server';
import { MyChannelsSchema } from '$lib/channels/schemas';
import { apiJson } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** The channels the reader follows, with unread counts, plus their own clan's channel. */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login?next=/channels');
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 60);
  const [list, mine] = await Promise.all([
    optional('my channels', apiJson(event, `/me/channels${q ? `?q=${encodeURIComponent(q)}` : ''}`, MyChannelsSchema)),
    loadMyClan(event),
  ]);
  return { q, channels: list?.channels ?? null, mine };
};
