import { ProfileUpdateSchema } from '@clantrader/core';
import { redirect } from '@sveltejs/kit';
import { echoValues, readFields, zodFieldErrors, formFail } from '$lib/forms';
import { splitPairs } from '$lib/forms/pairs';
import { LOCALE_COOKIE } from '$lib/preferences';
import { apiJson } from '$lib/server/api';
import { MeSchema } from '$lib/server/api-schemas';
import { failFromApi } from '$lib/server/form-errors';
import { rememberPreference } from '$lib/server/preference-cookie';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = [
  'displayName',
  'handle',
  'bio',
  'avatarUrl',
  'tradingStyle',
  'preferredPairs',
  'sessionPreference',
  'locale',
  'timezone',
] as const;

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login?next=/settings/profile');
  const me = await apiJson(event, '/me', MeSchema);
  return { me };
};

/** Form strings → the API's ProfileUpdate: blanks mean "none" for the optional choices. */
function toProfileUpdate(fields: Record<(typeof FIELDS)[number], string | undefined>) {
  const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    displayName: fields.displayName,
    handle: fields.handle,
    bio: fields.bio ?? '',
    avatarUrl: blankToNull(fields.avatarUrl),
    tradingStyle: blankToNull(fields.tradingStyle),
    preferredPairs: splitPairs(fields.preferredPairs),
    sessionPreference: blankToNull(fields.sessionPreference),
    locale: fields.locale,
    timezone: fields.timezone,
  };
}

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) redirect(303, '/login?next=/settings/profile');
    const form = await event.request.formData();
    const values = echoValues(form, FIELDS);
    const input = ProfileUpdateSchema.safeParse(toProfileUpdate(readFields(form, FIELDS)));
    if (!input.success) return formFail(422, { values, errors: zodFieldErrors(input.error) });
    try {
      const me = await apiJson(event, '/me/profile', MeSchema, { method: 'PATCH', json: input.data });
      rememberPreference(event, LOCALE_COOKIE, me.locale);
      return { saved: true, handle: me.profile.handle };
    } catch (error) {
      return failFromApi(error, event.locals.locale, values);
    }
  },
};
