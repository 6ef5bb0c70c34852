import { LocaleSchema } from '@clantrader/core';
import { fail, redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE, THEME_COOKIE, ThemeSchema, safeRedirectPath } from '$lib/preferences';
import { apiFetch } from '$lib/server/api';
import { rememberPreference } from '$lib/server/preference-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  /** Sets the language cookie and, when signed in, the profile's locale too. */
  locale: async (event) => {
    const form = await event.request.formData();
    const locale = LocaleSchema.safeParse(form.get('locale'));
    if (!locale.success) return fail(422, { message: 'Unknown language' });
    rememberPreference(event, LOCALE_COOKIE, locale.data);
    if (event.locals.user) {
      try {
        await apiFetch(event, '/me/profile', { method: 'PATCH', json: { locale: locale.data } });
      } catch (error) {
        // The cookie still switches this browser; the profile catches up next time.
        console.error('[web] could not save profile locale', error);
      }
    }
    redirect(303, safeRedirectPath(form.get('redirectTo')));
  },
  theme: async (event) => {
    const form = await event.request.formData();
    const theme = ThemeSchema.safeParse(form.get('theme'));
    if (!theme.success) return fail(422, { message: 'Unknown theme' });
    rememberPreference(event, THEME_COOKIE, theme.data);
    redirect(303, safeRedirectPath(form.get('redirectTo')));
  },
};
