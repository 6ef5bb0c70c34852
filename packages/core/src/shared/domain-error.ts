/**
 * Every failure a use case can report on purpose. The code is the stable contract:
 * the API maps it to an HTTP status (one table, checked by the compiler) and clients
 * switch on it; the message is for humans and may change.
 */
export const ERROR_CODES = [
  'validation.failed',
  'auth.invalid_credentials',
  'auth.email_unverified',
  'auth.throttled',
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.weak_password',
  'auth.token_invalid',
  'auth.token_expired',
  'auth.token_used',
  'user.email_taken',
  'profile.handle_taken',
  'profile.not_found',
  'rate.limited',
  'request.too_large',
  'request.malformed',
  'request.not_found',
  'statement.unsupported_format',
  'statement.malformed',
  'statement.too_large',
  'statement.missing_columns',
  'statement.not_found',
  'statement.not_reviewable',
  'leaderboard.not_ranked',
  'ai.unavailable',
  'ai.quota_exceeded',
  'room.forbidden',
  'clan.not_found',
  'clan.name_taken',
  'clan.already_in_clan',
  'clan.full',
  'clan.not_permitted',
  'clan.member_not_found',
  'clan.leader_must_transfer',
  'clan.invite_only',
  'clan.invite_not_found',
  'clan.invite_expired',
  'clan.invite_revoked',
  'clan.request_not_found',
  'clan.request_exists',
  'channel.not_found',
  'channel.forbidden',
  'channel.post_not_found',
  'channel.post_locked',
  'channel.too_many_images',
  'channel.media_unsupported',
  'channel.media_too_large',
  'channel.media_not_found',
  'channel.subscription_paid',
  'channel.user_not_found',
  'channel.already_subscribed',
  'channel.self_subscription',
  'peeks.exhausted',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field-level problem, as shown next to a form input. */
export type FieldIssue = { path: string; message: string };

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
