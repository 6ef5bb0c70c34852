import { authenticateSession, DomainError } from '@clantrader/core';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { ApiDeps, ApiEnv, AuthVia } from '../deps';

/** The cookie the web app sets at sign-in; shared by pages, API calls and room tickets. */
export const SESSION_COOKIE = 'ct_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requires a live session from `Authorization: Bearer` or the `ct_session` cookie and
 * exposes its user. A write authenticated by cookie must be `application/json` (or
 * `application/octet-stream`, the statement upload): a cross-site form can send neither
 * without a CORS preflight, which is the CSRF defence.
 * @throws DomainError `auth.unauthenticated` | `auth.forbidden`
 */
export function requireSession(deps: Pick<ApiDeps, 'accounts'>) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const found = readSessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (!found) throw new DomainError('auth.unauthenticated', 'Sign in to continue');
    if (found.via === 'cookie' && !SAFE_METHODS.has(c.req.method) && !isJson(c.req.header('content-type'))) {
      throw new DomainError('auth.forbidden', 'Requests signed in by cookie must send Content-Type: application/json');
    }
    const user = await authenticateSession(deps.accounts, found.token);
    if (!user) throw new DomainError('auth.unauthenticated', 'Your session has ended; sign in again');
    c.set('user', user);
    c.set('sessionToken', found.token);
    c.set('authVia', found.via);
    await next();
  });
}

export function readSessionToken(
  authorization: string | undefined,
  cookie: string | undefined,
): { token: string; via: AuthVia } | null {
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer) return { token: bearer, via: 'bearer' };
  if (cookie) return { token: cookie, via: 'cookie' };
  return null;
}

const PREFLIGHTED_TYPES = new Set(['application/json', 'application/octet-stream']);

function isJson(contentType: string | undefined): boolean {
  return PREFLIGHTED_TYPES.has(contentType?.split(';')[0]?.trim().toLowerCase() ?? '');
}
