import type { RequestEvent } from '@sveltejs/kit';
import { PREFERENCE_MAX_AGE } from '$lib/preferences';

/** Language and theme cookies: readable by the page, plain http allowed on a LAN mirror. */
export function rememberPreference(event: Pick<RequestEvent, 'cookies' | 'url'>, name: string, value: string) {
  event.cookies.set(name, value, {
    path: '/',
    maxAge: PREFERENCE_MAX_AGE,
    sameSite: 'lax',
    httpOnly: false,
    secure: event.url.protocol === 'https:',
  });
}
