import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '$lib/session-user';
import type { MeResponse } from './api-schemas';

/** The API session cookie shared by the browser, this server and websocket ticket requests. */
export const API_SESSION_COOKIE = 'ct_session';

export function toSessionUser(me: MeResponse): SessionUser {
  return {
    id: me.id,
    handle: me.profile.handle,
    displayName: me.profile.displayName,
    locale: me.locale,
    emailVerified: me.emailVerified,
    role: me.role,
  };
}

export function setApiSessionCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, token: string, expiresAt: string) {
  const expires = new Date(expiresAt);
  event.cookies.set(API_SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // SvelteKit defaults to Secure; on-prem may run on plain http inside a LAN.
    secure: event.url.protocol === 'https:',
    ...(Number.isNaN(expires.getTime()) ? {} : { expires }),
  });
}

/** Drops every session cookie we or Auth.js set (used when the API says the session is gone). */
export function clearSessionCookies(event: { cookies: Cookies; url: URL }) {
  const options = { path: '/', secure: event.url.protocol === 'https:' };
  event.cookies.delete(API_SESSION_COOKIE, options);
  for (const { name } of event.cookies.getAll()) {
    if (/^(__Secure-)?authjs\.session-token/.test(name)) event.cookies.delete(name, options);
  }
}
