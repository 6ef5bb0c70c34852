import { clans } from '@clantrader/core';
import { error, redirect } from '@sveltejs/kit';
import { echoValues, formFail, readFields, zodFieldErrors } from '$lib/forms';
import { failFromDomain } from '$lib/clans/form-errors.server';
import { loadMyClan, optional } from '$lib/clans/load.server';
import {
  ClanProfileSchema,
  ClanSeasonHistorySchema,
  JoinOutcomeSchema,
  LeaveOutcomeSchema,
  MyJoinRequestSchema,
} from '$lib/clans/schemas';
import { ApiError, apiFetch, apiJson } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const path = `/clans/${encodeURIComponent(event.params.id)}`;
  const [clan, mine, myRequest, seasons] = await Promise.all([
    apiJson(event, path, ClanProfileSchema).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) error(404, { message: 'Clan not found', code: e.code });
      throw e;
    }),
    loadMyClan(event),
    // A pending request replaces the request button with "pending" and a cancel button.
    event.locals.user
      ? optional('my join request', apiJson(event, `${path}/join-request`, MyJoinRequestSchema)).then(
          (r) => r?.request ?? null,
        )
      : null,
    // Past seasons are extra: the profile still shows when they cannot be read.
    optional(
      'clan season history',
      apiJson(event, `/leaderboard/clans/${encodeURIComponent(event.params.id)}/history`, ClanSeasonHistorySchema),
    ).then((r) => r?.items ?? []),
  ]);
  return { clan, mine, myRequest, seasons };
};

function signedIn(event: { locals: App.Locals; params: { id: string } }) {
  if (!event.locals.user) redirect(303, `/login?next=/clans/${encodeURIComponent(event.params.id)}`);
}

export const actions: Actions = {
  join: async (event) => {
    signedIn(event);
    const form = await event.request.formData();
    const values = echoValues(form, ['message']);
    const input = clans.JoinRequestInputSchema.safeParse({ message: readFields(form, ['message']).message ?? '' });
    if (!input.success)
      return formFail(422, { values: { ...values, form: 'join' }, errors: zodFieldErrors(input.error) });
    try {
      const outcome = await apiJson(event, `/clans/${encodeURIComponent(event.params.id)}/join`, JoinOutcomeSchema, {
        method: 'POST',
        json: input.data,
      });
      return { done: outcome.status };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, values, 'join');
    }
  },
  cancelRequest: async (event) => {
    signedIn(event);
    try {
      const path = `/clans/${encodeURIComponent(event.params.id)}/join-request`;
      await apiFetch(event, path, { method: 'DELETE' });
    } catch (e) {
      return failFromDomain(e, event.locals.locale, {}, 'cancelRequest');
    }
    return { done: 'cancelled' as const };
  },
  leave: async (event) => {
    signedIn(event);
    let disbanded: boolean;
    try {
      const path = `/clans/${encodeURIComponent(event.params.id)}/leave`;
      disbanded = (await apiJson(event, path, LeaveOutcomeSchema, { method: 'POST' })).disbanded;
    } catch (e) {
      return failFromDomain(e, event.locals.locale, {}, 'leave');
    }
    // The last member leaving ends the clan: its page is gone, so go back to the directory.
    if (disbanded) redirect(303, '/clans');
    return { done: 'left' as const };
  },
};
