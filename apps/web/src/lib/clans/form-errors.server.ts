import type { Locale } from '@clantrader/core';
import { formFail } from '$lib/forms';
import { translate } from '$lib/i18n';
import { ApiError } from '$lib/server/api';
import { failFromApi } from '$lib/server/form-errors';
import { domainErrorKey } from './errors';

/**
 * fail() for a clan or channel action. Field issues from the API stay beside their inputs
 * (a taken name under "name"); known domain codes become a translated banner; the rest is
 * the app-wide mapping. `form` tags the failure so a page with several forms knows whose it is.
 */
export function failFromDomain(error: unknown, locale: Locale, values: Record<string, string> = {}, form = 'main') {
  if (error instanceof ApiError) {
    const key = domainErrorKey(error.code);
    if (key && error.fields.length === 0) {
      return formFail(error.status, { values: { ...values, form }, errors: {}, message: translate(locale, key) });
    }
  }
  const failed = failFromApi(error, locale, { ...values, form });
  return failed;
}
