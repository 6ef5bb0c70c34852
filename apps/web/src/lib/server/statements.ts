import { statements } from '@clantrader/core';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError } from './api';

/** The upload limit the API enforces, so the page can refuse bigger files before sending. */
export const MAX_UPLOAD_BYTES = statements.STATEMENT_LIMITS.maxInputBytes;

/** Cursor of a statement page; anything but an id is ignored (first page). */
export function readCursor(url: URL): string | null {
  const cursor = url.searchParams.get('cursor');
  return cursor && /^[0-9a-f-]{36}$/i.test(cursor) ? cursor : null;
}

export function pageQuery(cursor: string | null, limit: number, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...extra, limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** Sends anonymous visitors to log in and come back. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>) {
  const user = event.locals.user;
  if (!user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  return user;
}

/** Admin pages: anonymous visitors log in; signed-in non-admins get the 403 page. */
export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>) {
  const user = requireUser(event);
  if (user.role !== 'admin') error(403, { message: 'Admins only', code: 'auth.forbidden' });
  return user;
}

/** API 404/403 on a statement become the matching error page; anything else propagates. */
export function statementError(e: unknown): never {
  if (e instanceof ApiError && e.status === 404)
    error(404, { message: 'Statement not found', code: 'statement.not_found' });
  if (e instanceof ApiError && e.status === 403) error(403, { message: 'Admins only', code: 'auth.forbidden' });
  throw e;
}
