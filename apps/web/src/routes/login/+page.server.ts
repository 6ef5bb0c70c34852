import { LogInSchema } from '@clantrader/core';
import { fail, isRedirect, redirect } from '@sveltejs/kit';
import { echoValues, formFail, zodFieldErrors } from '$lib/forms';
import { translate } from '$lib/i18n';
import { safeRedirectPath } from '$lib/preferences';
import { LOGIN_FAILURES, signIn, type LoginFailure } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeRedirectPath(url.searchParams.get('next'));
  if (locals.user) redirect(303, next);
  return { next };
};

function asFailure(error: unknown): LoginFailure | null {
  if (typeof error !== 'object' || error === null || !('type' in error) || error.type !== 'CredentialsSignin')
    return null;
  const code = 'code' in error ? error.code : null;
  return LOGIN_FAILURES.find((failure) => failure === code) ?? 'invalid_credentials';
}

export const actions: Actions = {
  /**
   * Validates, then hands the untouched request to Auth.js's credentials sign-in, whose
   * `authorize` calls POST /api/v1/auth/login. Auth.js throws its CredentialsSignin with
   * our code, which becomes a distinct message here.
   */
  default: async (event) => {
    const form = await event.request.clone().formData();
    const values = echoValues(form, ['email', 'redirectTo']);
    const input = LogInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!input.success) {
      return formFail(422, { values, errors: zodFieldErrors(input.error) });
    }
    try {
      await signIn(event);
    } catch (error) {
      if (isRedirect(error)) {
        const target = new URL(error.location, event.url);
        const code = target.searchParams.get('code');
        // Auth.js redirects to the error page for failures it does not throw.
        if (!target.searchParams.has('error')) redirect(303, target.pathname + target.search);
        return loginFailed(event.locals.locale, values, asFailure({ type: 'CredentialsSignin', code }));
      }
      const failure = asFailure(error);
      if (!failure) throw error;
      return loginFailed(event.locals.locale, values, failure);
    }
    redirect(303, safeRedirectPath(form.get('redirectTo')));
  },
};

function loginFailed(locale: App.Locals['locale'], values: Record<string, string>, failure: LoginFailure | null) {
  const code = failure ?? 'unavailable';
  const status = code === 'throttled' ? 429 : code === 'unavailable' ? 503 : 400;
  return fail(status, { values, errors: {}, code, message: translate(locale, `login.error.${code}`) });
}
