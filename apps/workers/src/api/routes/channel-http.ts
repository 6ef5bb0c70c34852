import { authenticateSession, DomainError, type channels, type ErrorCode, type User } from '@clantrader/core';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps';
import { SESSION_COOKIE, readSessionToken } from '../middleware/auth';
import { readPathId } from '../validate';

const IMAGE_UPLOAD = /^\/api\/v1\/posts\/[^/]+\/images$/;

/** True for image uploads, which carry their own 5 MB limit instead of the API's 64 KiB. */
export function isChannelImageUpload(method: string, path: string): boolean {
  return method === 'POST' && IMAGE_UPLOAD.test(path);
}

/** A signed-in viewer when a valid session came along, else an anonymous visitor. */
export function viewerOf(c: Context<ApiEnv>, visitorKey?: string): channels.Viewer {
  const user = c.get('user') as User | undefined;
  if (user) return { userId: user.id, timezone: user.timezone };
  return visitorKey ? { userId: null, visitorKey } : { userId: null };
}

/**
 * Like requireSession, but lets anonymous requests through (no `user`). A token that no
 * longer works is treated as absent. Cookie-authenticated writes still need JSON (CSRF).
 */
export function optionalSession(deps: Pick<ApiDeps, 'accounts'>) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const found = readSessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    const user = found ? await authenticateSession(deps.accounts, found.token) : null;
    if (found && user) {
      const write = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
      const json = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() === 'application/json';
      if (found.via === 'cookie' && write && !json) {
        throw new DomainError(
          'auth.forbidden',
          'Requests signed in by cookie must send Content-Type: application/json',
        );
      }
      c.set('user', user);
      c.set('sessionToken', found.token);
      c.set('authVia', found.via);
    }
    await next();
  });
}

/** Ids are UUIDs; anything else is simply not found (and never reaches SQL). */
export const readId = (raw: string, code: ErrorCode): string => readPathId(raw, code);

/** Parses an optional JSON body: empty means `{}`. */
export async function optionalJson<T extends z.ZodType>(c: Context<ApiEnv>, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new DomainError('request.malformed', 'The request body is not valid JSON');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new DomainError('validation.failed', 'Some fields are not valid', { fields });
  }
  return parsed.data;
}
