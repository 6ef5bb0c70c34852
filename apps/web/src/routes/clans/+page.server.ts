import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { failFromDomain } from '$lib/clans/form-errors.server';
import { formFail } from '$lib/forms';
import { translate } from '$lib/i18n';
import { apiFetch, apiJson } from '$lib/server/api';
import { loadMyClan, optional } from '$lib/clans/load.server';
import { apiListQuery, CLAN_SEARCH, readListQuery } from '$lib/clans/query';
import { ClanPageSchema, MyJoinRequestsSchema } from '$lib/clans/schemas';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/**
 * The clan directory: search by name, focus and privacy, newest first, cursor pages in the
 * URL (works without JavaScript). An unreachable API shows a notice, not a 500.
 */
export const load: PageServerLoad = async (event) => {
  const query = readListQuery(event.url, CLAN_SEARCH);
  const [mine, page, requests] = await Promise.all([
    loadMyClan(event),
    optional('clan directory', apiJson(event, `/clans?${apiListQuery(query, PAGE_SIZE)}`, ClanPageSchema)),
    event.locals.user
      ? optional('my join requests', apiJson(event, '/me/join-requests', MyJoinRequestsSchema)).then(
          (r) => r?.items ?? [],
        )
      : [],
  ]);
  return { query, page, mine, requests };
};

export const actions: Actions = {
  /** Cancels one of "Your requests" (the clan id comes from the row's hidden field). */
  cancelRequest: async (event) => {
    if (!event.locals.user) redirect(303, '/login?next=/clans');
    const clanId = z.uuid().safeParse((await event.request.formData()).get('clanId'));
    if (!clanId.success) {
      const message = translate(event.locals.locale, 'clans.error.requestNotFound');
      return formFail(404, { values: { form: 'cancelRequest' }, errors: {}, message });
    }
    try {
      await apiFetch(event, `/clans/${clanId.data}/join-request`, { method: 'DELETE' });
    } catch (e) {
      return failFromDomain(e, event.locals.locale, {}, 'cancelRequest');
    }
    return { cancelled: clanId.data };
  },
};
