import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { resolveLocale, textDirection } from '$lib/i18n';
import { LOCALE_COOKIE, THEME_COOKIE, ThemeSchema } from '$lib/preferences';
import { ApiError, apiJson, forwardToApi } from '$lib/server/api';
import { MeSchema } from '$lib/server/api-schemas';
import { authHandle } from '$lib/server/auth';
import { clearSessionCookies, toSessionUser } from '$lib/server/session';
import { SessionUserSchema, type SessionUser } from '$lib/session-user';

/**
 * Who is signed in. The Auth.js JWT says a session exists; GET /me confirms it is still
 * alive and gives fresh profile data. If the API is unreachable we keep the JWT's copy so
 * pages still render; if it answers 401 the session is over and the cookies go.
 */
async function loadUser(event: Parameters<Handle>[0]['event']): Promise<SessionUser | null> {
  const session = await event.locals.auth();
  const snapshot = SessionUserSchema.safeParse(session?.user);
  if (!snapshot.success || !event.locals.apiToken) return null;
  try {
    return toSessionUser(await apiJson(event, '/me', MeSchema));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      clearSessionCookies(event);
      event.locals.apiToken = null;
      return null;
    }
    return snapshot.data;
  }
}

const sessionHandle: Handle = async ({ event, resolve }) => {
  event.locals.apiToken = null;
  event.locals.user = await loadUser(event);
  const locale = resolveLocale({
    profile: event.locals.user?.locale,
    cookie: event.cookies.get(LOCALE_COOKIE),
    acceptLanguage: event.request.headers.get('accept-language'),
  });
  const theme = ThemeSchema.catch('dark').parse(event.cookies.get(THEME_COOKIE));
  event.locals.locale = locale;
  event.locals.theme = theme;
  return resolve(event, {
    transformPageChunk: ({ html }) =>
      html.replace('%lang%', locale).replace('%dir%', textDirection(locale)).replace('%theme%', theme),
  });
};

/** Browser calls to /api/v1 (the statement upload) reach the API on every home. */
const apiHandle: Handle = async ({ event, resolve }) => (await forwardToApi(event)) ?? resolve(event);

export const handle = sequence(apiHandle, authHandle, sessionHandle);
