import type { Locale } from '@clantrader/core';
import { formFail, type FieldErrors } from '$lib/forms';
import { translate, type MessageKey } from '$lib/i18n';
import { ApiError } from './api';

const FIELD_CODES: Record<string, { field: string; key: MessageKey }> = {
  'user.email_taken': { field: 'email', key: 'error.emailTaken' },
  'profile.handle_taken': { field: 'handle', key: 'error.handleTaken' },
};

const MESSAGE_CODES: Record<string, MessageKey> = {
  'rate.limited': 'error.rateLimited',
  'auth.throttled': 'error.rateLimited',
  'auth.token_invalid': 'error.tokenInvalid',
  'auth.token_expired': 'error.tokenExpired',
  'auth.token_used': 'error.tokenUsed',
};

/**
 * Turns an API failure into what a form shows: field errors beside inputs where the API
 * names a field, a banner message otherwise. Network failures say the server is down.
 */
export function describeApiError(error: unknown, locale: Locale): { errors: FieldErrors; message?: string } {
  if (!(error instanceof ApiError)) return { errors: {}, message: translate(locale, 'error.unavailable') };
  const fieldCode = FIELD_CODES[error.code];
  if (fieldCode) return { errors: { [fieldCode.field]: translate(locale, fieldCode.key) } };
  if (error.code === 'auth.weak_password') return { errors: { password: error.detail } };
  const messageKey = MESSAGE_CODES[error.code];
  if (messageKey) return { errors: {}, message: translate(locale, messageKey) };
  const errors: FieldErrors = {};
  for (const issue of error.fields) errors[issue.path.split('.')[0] ?? '_form'] ??= issue.message;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors: {},
    message: error.status >= 500 ? translate(locale, 'error.unavailable') : translate(locale, 'error.generic'),
  };
}

/** fail() for an API error, keeping the user's typed values. */
export function failFromApi(error: unknown, locale: Locale, values: Record<string, string>) {
  if (!(error instanceof ApiError)) console.error('[web] API call failed', error);
  const { errors, message } = describeApiError(error, locale);
  const status = error instanceof ApiError && error.status < 500 ? error.status : 503;
  return formFail(status, { values, errors, ...(message ? { message } : {}) });
}
