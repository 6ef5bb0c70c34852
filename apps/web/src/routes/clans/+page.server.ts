import { apiJson } from '$lib/server/api';
import { loadMyClan, optional } from '$lib/clans/load.server';
import { apiListQuery, CLAN_SEARCH, readListQuery } from '$lib/clans/query';
import { ClanPageSchema } from '$lib/clans/schemas';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/**
 * The clan directory: search by name, focus and privacy, newest first, cursor pages in the
 * URL (works without JavaScript). An unreachable API shows a notice, not a 500.
 */
export const load: PageServerLoad = async (event) => {
  const query = readListQuery(event.url, CLAN_SEARCH);
  const [mine, page] = await Promise.all([
    loadMyClan(event),
    optional('clan directory', apiJson(event, `/clans?${apiListQuery(query, PAGE_SIZE)}`, ClanPageSchema)),
  ]);
  return { query, page, mine };
};
