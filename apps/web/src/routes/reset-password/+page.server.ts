import { PasswordResetCompleteSchema } from '@clantrader/core';
import { zodFieldErrors, formFail } from '$lib/forms';
import { translate } from '$lib/i18n';
import { apiJson } from '$lib/server/api';
import { UserIdSchema } from '$lib/server/api-schemas';
import { failFromApi } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const input = PasswordResetCompleteSchema.safeParse({ token: form.get('token'), password: form.get('password') });
    if (!input.success) {
      const errors = zodFieldErrors(input.error);
      const message = errors.token ? translate(event.locals.locale, 'error.tokenInvalid') : undefined;
      return formFail(422, { values: {}, errors, ...(message ? { message } : {}) });
    }
    try {
      await apiJson(event, '/auth/password-reset/complete', UserIdSchema, {
        method: 'POST',
        json: input.data,
        token: null,
      });
    } catch (error) {
      return failFromApi(error, event.locals.locale, {});
    }
    return { done: true };
  },
};
