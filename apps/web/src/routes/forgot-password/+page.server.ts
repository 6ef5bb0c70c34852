import { PasswordResetRequestSchema } from '@clantrader/core';
import { echoValues, formFail, zodFieldErrors } from '$lib/forms';
import { apiFetch } from '$lib/server/api';
import { failFromApi } from '$lib/server/form-errors';
import type { Actions } from './$types';

export const actions: Actions = {
  /** The API answers 202 for unknown emails too, so the page never reveals who has an account. */
  default: async (event) => {
    const form = await event.request.formData();
    const values = echoValues(form, ['email']);
    const input = PasswordResetRequestSchema.safeParse({ email: form.get('email') });
    if (!input.success) return formFail(422, { values, errors: zodFieldErrors(input.error) });
    try {
      await apiFetch(event, '/auth/password-reset/request', { method: 'POST', json: input.data, token: null });
    } catch (error) {
      return failFromApi(error, event.locals.locale, values);
    }
    return { sent: true };
  },
};
