import { DomainError, isDomainError, type ErrorCode, type FieldIssue } from '@clantrader/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

/**
 * THE table from domain error code to HTTP status and problem title. `satisfies` makes a
 * new code in core without an entry here a type error, so no code falls through to 500.
 */
export const PROBLEMS = {
  'validation.failed': { status: 422, title: 'Invalid input' },
  'auth.invalid_credentials': { status: 401, title: 'Wrong email or password' },
  'auth.email_unverified': { status: 403, title: 'Email not verified' },
  'auth.throttled': { status: 429, title: 'Too many sign-in attempts' },
  'auth.unauthenticated': { status: 401, title: 'Not signed in' },
  'auth.forbidden': { status: 403, title: 'Forbidden' },
  'auth.weak_password': { status: 422, title: 'Weak password' },
  'auth.token_invalid': { status: 400, title: 'Invalid link' },
  'auth.token_expired': { status: 410, title: 'Link expired' },
  'auth.token_used': { status: 409, title: 'Link already used' },
  'user.email_taken': { status: 409, title: 'Email already registered' },
  'profile.handle_taken': { status: 409, title: 'Handle taken' },
  'profile.not_found': { status: 404, title: 'Profile not found' },
  'rate.limited': { status: 429, title: 'Too many requests' },
  'request.too_large': { status: 413, title: 'Request body too large' },
  'request.malformed': { status: 400, title: 'Malformed request' },
  'request.not_found': { status: 404, title: 'Not found' },
  'statement.unsupported_format': { status: 415, title: 'Unsupported statement format' },
  'statement.malformed': { status: 422, title: 'Unreadable statement' },
  'statement.too_large': { status: 413, title: 'Statement too large' },
  'statement.missing_columns': { status: 422, title: 'Statement is missing columns' },
  'ai.unavailable': { status: 503, title: 'AI assistant unavailable' },
  'ai.quota_exceeded': { status: 429, title: 'Daily AI question limit reached' },
  'room.forbidden': { status: 403, title: 'Not a member of this room' },
  'statement.not_found': { status: 404, title: 'Statement not found' },
  'statement.not_reviewable': { status: 409, title: 'Statement is not awaiting review' },
  'leaderboard.not_ranked': { status: 404, title: 'Trader not on this leaderboard' },
  'clan.not_found': { status: 404, title: 'Clan not found' },
  'clan.name_taken': { status: 409, title: 'Clan name taken' },
  'clan.already_in_clan': { status: 409, title: 'Already in a clan' },
  'clan.full': { status: 409, title: 'Clan is full' },
  'clan.not_permitted': { status: 403, title: 'Not allowed in this clan' },
  'clan.member_not_found': { status: 404, title: 'Not a member of this clan' },
  'clan.leader_must_transfer': { status: 409, title: 'Leader must transfer leadership first' },
  'clan.invite_only': { status: 403, title: 'Clan joins by invitation only' },
  'clan.invite_not_found': { status: 404, title: 'Invite link not found' },
  'clan.invite_expired': { status: 410, title: 'Invite link expired' },
  'clan.invite_revoked': { status: 410, title: 'Invite link revoked' },
  'clan.request_not_found': { status: 404, title: 'Join request not found' },
  'clan.request_exists': { status: 409, title: 'Join request already pending' },
  'channel.not_found': { status: 404, title: 'Channel not found' },
  'channel.forbidden': { status: 403, title: 'Not allowed in this channel' },
  'channel.post_not_found': { status: 404, title: 'Post not found' },
  'channel.post_locked': { status: 403, title: 'Premium post is locked' },
  'channel.too_many_images': { status: 409, title: 'Post already has the most images allowed' },
  'channel.media_unsupported': { status: 415, title: 'Unsupported image type' },
  'channel.media_too_large': { status: 413, title: 'Image too large' },
  'channel.media_not_found': { status: 404, title: 'Image not found' },
  'channel.subscription_paid': { status: 409, title: 'Paid subscriptions cannot be revoked here' },
  'channel.user_not_found': { status: 404, title: 'User not found' },
  'channel.already_subscribed': { status: 409, title: 'Already a subscriber' },
  'channel.self_subscription': { status: 422, title: 'Cannot subscribe yourself' },
  'peeks.exhausted': { status: 429, title: 'No peeks left today' },
} as const satisfies Record<ErrorCode, { status: number; title: string }>;

const PROBLEM_BASE = 'https://clantrader.app/problems/';

/** The one code no use case throws: an unexpected failure, reported without its cause. */
export const INTERNAL_CODE = 'internal.error';

/** RFC 9457 body with ClanTrader's extension members `code`, `requestId` and `errors`. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode | typeof INTERNAL_CODE;
  requestId: string;
  errors?: FieldIssue[];
};

/** Renders a DomainError as `application/problem+json`, with Retry-After when it has one. */
export function renderProblem(c: Context, error: DomainError): Response {
  const { status, title } = PROBLEMS[error.code];
  const requestId = readRequestId(c);
  const body: Problem = {
    type: PROBLEM_BASE + error.code,
    title,
    status,
    detail: error.message,
    code: error.code,
    requestId,
    ...(error.details.fields?.length ? { errors: error.details.fields } : {}),
  };
  const headers = problemHeaders(requestId);
  if (error.details.retryAfterSeconds !== undefined) {
    headers.set('retry-after', String(Math.max(1, Math.ceil(error.details.retryAfterSeconds))));
  }
  if (status === 401) headers.set('www-authenticate', 'Bearer');
  return new Response(JSON.stringify(body), { status, headers });
}

/** The 500 answer: a generic detail only; the cause goes to the log, never to the client. */
export function renderInternalError(c: Context): Response {
  const requestId = readRequestId(c);
  const body: Problem = {
    type: PROBLEM_BASE + INTERNAL_CODE,
    title: 'Internal error',
    status: 500,
    detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    code: INTERNAL_CODE,
    requestId,
  };
  return new Response(JSON.stringify(body), { status: 500, headers: problemHeaders(requestId) });
}

function readRequestId(c: Context): string {
  const id: unknown = c.get('requestId');
  return typeof id === 'string' ? id : '';
}

function problemHeaders(requestId: string): Headers {
  return new Headers({ 'content-type': 'application/problem+json', 'x-request-id': requestId });
}

/**
 * Turns anything thrown into a DomainError. Hono's own HTTP exceptions (malformed JSON,
 * body limit) get their stable codes; everything else is `null`, i.e. an unexpected 500.
 */
export function toDomainError(error: unknown): DomainError | null {
  if (isDomainError(error)) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return tooLarge();
    if (error.status === 400) return new DomainError('request.malformed', 'The request body is not valid JSON');
  }
  return null;
}

export function tooLarge(): DomainError {
  return new DomainError('request.too_large', 'The request body is larger than 64 KiB');
}
