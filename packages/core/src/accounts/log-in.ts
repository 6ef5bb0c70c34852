import { DomainError } from '../shared/domain-error';
import { LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_MS, SESSION_TTL_MS, type AccountDeps } from './deps';
import type { LogInInput } from './model';

export type LogInResult = { sessionToken: string; userId: string; expiresAt: Date };

/**
 * Checks the password and opens a session. After 10 failed attempts for one email
 * within 15 minutes every further attempt is refused until the window passes, whether
 * or not the password is right, so guessing cannot continue at full speed.
 * @throws DomainError `auth.throttled` | `auth.invalid_credentials` | `auth.email_unverified`
 */
export async function logIn(deps: AccountDeps, input: LogInInput): Promise<LogInResult> {
  const now = deps.clock.now();
  const failures = await deps.store.countFailedLogins(input.email, new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS));
  if (failures >= LOGIN_FAILURE_LIMIT) {
    throw new DomainError('auth.throttled', 'Too many failed sign-in attempts. Try again in 15 minutes.', {
      retryAfterSeconds: LOGIN_FAILURE_WINDOW_MS / 1000,
    });
  }
  const user = await deps.store.findUserByEmail(input.email);
  const ok = user ? await deps.passwords.verify(input.password, user.passwordHash) : false;
  await deps.store.recordLoginAttempt({ id: deps.ids.newId(), email: input.email, succeeded: ok, at: now });
  if (!user || !ok) throw new DomainError('auth.invalid_credentials', 'Email or password is wrong');
  if (!user.emailVerifiedAt) {
    throw new DomainError('auth.email_unverified', 'Confirm your email first: we sent you a link');
  }
  const sessionToken = deps.vault.newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await deps.store.insertSession({
    id: deps.ids.newId(),
    userId: user.id,
    tokenHash: await deps.vault.hashToken(sessionToken),
    expiresAt,
    createdAt: now,
  });
  return { sessionToken, userId: user.id, expiresAt };
}
