import { clans } from '@clantrader/core';
import { redirect } from '@sveltejs/kit';
import { echoValues, formFail, readFields, zodFieldErrors } from '$lib/forms';
import { CLAN_FIELDS, toClanInput } from '$lib/clans/clan-form';
import { loadMyClan } from '$lib/clans/load.server';
import { failFromDomain } from '$lib/clans/form-errors.server';
import { ClanProfileSchema } from '$lib/clans/schemas';
import { apiJson } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login?next=/clans/new');
  return { mine: await loadMyClan(event) };
};

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) redirect(303, '/login?next=/clans/new');
    const form = await event.request.formData();
    const values = echoValues(form, CLAN_FIELDS);
    const input = clans.CreateClanSchema.safeParse(toClanInput(readFields(form, CLAN_FIELDS)));
    if (!input.success) return formFail(422, { values, errors: zodFieldErrors(input.error) });
    let id: string;
    try {
      id = (await apiJson(event, '/clans', ClanProfileSchema, { method: 'POST', json: input.data })).id;
    } catch (error) {
      return failFromDomain(error, event.locals.locale, values);
    }
    redirect(303, `/clans/${id}`);
  },
};
