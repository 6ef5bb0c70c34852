import { resetPasswordMail } from '../mail/templates';
import { auditEntry } from './audit';
import { RESET_TOKEN_TTL_MS, type AccountDeps } from './deps';
import { findLiveToken, tokenUsed } from './find-live-token';
import { assertStrongPassword } from './password-policy';

/**
 * Sends a reset link if the email belongs to an account. Always resolves the same way,
 * so the endpoint does not tell strangers which emails are registered.
 */
export async function requestPasswordReset(deps: AccountDeps, input: { email: string }): Promise<void> {
  const user = await deps.store.findUserByEmail(input.email);
  if (!user) return;
  const profile = await deps.store.findProfileByUserId(user.id);
  const now = deps.clock.now();
  const token = deps.vault.newToken();
  await deps.store.insertEmailToken({
    id: deps.ids.newId(),
    userId: user.id,
    purpose: 'reset_password',
    tokenHash: await deps.vault.hashToken(token),
    expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
    usedAt: null,
    createdAt: now,
  });
  await deps.mailer.send(
    resetPasswordMail({
      to: user.email,
      locale: user.locale,
      displayName: profile?.displayName ?? user.email,
      link: `${deps.appUrl}/reset-password?token=${encodeURIComponent(token)}`,
    }),
  );
}

/**
 * Sets a new password from a reset link. The link works once; every open session of the
 * user is revoked in the same transaction, so a thief's session ends with the reset.
 * Completing a reset also proves ownership of the email, so it verifies it.
 * @throws DomainError `auth.token_invalid` | `auth.token_used` | `auth.token_expired` | `auth.weak_password`
 */
export async function completePasswordReset(
  deps: AccountDeps,
  input: { token: string; password: string },
): Promise<{ userId: string }> {
  const token = await findLiveToken(deps, 'reset_password', input.token);
  const user = await deps.store.findUserById(token.userId);
  if (!user) throw tokenUsed();
  const profile = await deps.store.findProfileByUserId(user.id);
  assertStrongPassword(input.password, { email: user.email, ...(profile ? { handle: profile.handle } : {}) });
  const hash = await deps.passwords.hash(input.password);
  const audit = auditEntry(deps, { actorId: user.id, action: 'user.password_reset', subjectId: user.id });
  if (!(await deps.store.consumeResetToken(token.id, user.id, hash, deps.clock.now(), audit))) throw tokenUsed();
  return { userId: user.id };
}
