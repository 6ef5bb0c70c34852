import { auditEntry } from './audit';
import type { AccountDeps } from './deps';
import { findLiveToken, tokenUsed } from './find-live-token';

/**
 * Marks the email of the token's user as verified. Single use: a second call with the
 * same token fails even if two calls race.
 * @throws DomainError `auth.token_invalid` | `auth.token_used` | `auth.token_expired`
 */
export async function verifyEmail(deps: AccountDeps, input: { token: string }): Promise<{ userId: string }> {
  const token = await findLiveToken(deps, 'verify_email', input.token);
  const audit = auditEntry(deps, { actorId: token.userId, action: 'user.email_verified', subjectId: token.userId });
  if (!(await deps.store.consumeVerifyToken(token.id, token.userId, deps.clock.now(), audit))) throw tokenUsed();
  return { userId: token.userId };
}
