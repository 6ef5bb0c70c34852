import { SignUpSchema } from '@clantrader/core';
import { redirect } from '@sveltejs/kit';
import { echoValues, readFields, zodFieldErrors, formFail } from '$lib/forms';
import { apiJson } from '$lib/server/api';
import { UserIdSchema } from '$lib/server/api-schemas';
import { failFromApi } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['email', 'password', 'handle', 'displayName', 'locale', 'timezone'] as const;

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = echoValues(form, FIELDS);
    const fields = readFields(form, FIELDS);
    const input = SignUpSchema.safeParse({
      ...fields,
      locale: fields.locale || undefined,
      timezone: fields.timezone || undefined,
    });
    if (!input.success) return formFail(422, { values, errors: zodFieldErrors(input.error) });
    try {
      await apiJson(event, '/auth/signup', UserIdSchema, { method: 'POST', json: input.data, token: null });
    } catch (error) {
      return failFromApi(error, event.locals.locale, values);
    }
    redirect(303, '/signup/check-email');
  },
};
