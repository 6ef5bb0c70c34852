import { apiJson } from '$lib/server/api';
import { loadMyClan, optional } from '$lib/clans/load.server';
import { apiListQuery, FREE_AGENT_SEARCH, readListQuery } from '$lib/clans/query';
import { FreeAgentPageSchema } from '$lib/clans/schemas';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/**
 * The free-agent market: verified traders without a clan, filtered by style, pair, tier,
 * risk and session; cursor pages live in the URL. Leaders and co-leaders get a shortcut
 * to their invite links (the API has no direct "invite this trader").
 */
export const load: PageServerLoad = async (event) => {
  const query = readListQuery(event.url, FREE_AGENT_SEARCH);
  const [page, mine] = await Promise.all([
    optional('free agents', apiJson(event, `/free-agents?${apiListQuery(query, PAGE_SIZE)}`, FreeAgentPageSchema)),
    loadMyClan(event),
  ]);
  return { query, page, mine };
};
