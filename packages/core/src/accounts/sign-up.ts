import { verifyEmailMail } from '../mail/templates';
import { DomainError } from '../shared/domain-error';
import { auditEntry } from './audit';
import { VERIFY_TOKEN_TTL_MS, type AccountDeps } from './deps';
import type { SignUpInput, User } from './model';
import { assertStrongPassword } from './password-policy';

/**
 * Creates an unverified account with its profile and sends the verification link.
 * The user, profile, token and audit row are written atomically; mail goes out after
 * the commit, so a mail failure never leaves a half-created account (the user can ask
 * for a new link by signing in).
 * @throws DomainError `auth.weak_password` | `user.email_taken` | `profile.handle_taken`
 */
export async function signUp(deps: AccountDeps, input: SignUpInput): Promise<{ userId: string }> {
  assertStrongPassword(input.password, { email: input.email, handle: input.handle });
  if (await deps.store.findUserByEmail(input.email)) {
    throw new DomainError('user.email_taken', 'An account with this email already exists', {
      fields: [{ path: 'email', message: 'An account with this email already exists' }],
    });
  }
  if (await deps.store.findProfileByHandle(input.handle)) {
    throw handleTaken();
  }
  const now = deps.clock.now();
  const user: User = {
    id: deps.ids.newId(),
    email: input.email,
    passwordHash: await deps.passwords.hash(input.password),
    role: 'user',
    plan: 'free',
    emailVerifiedAt: null,
    locale: input.locale,
    timezone: input.timezone,
    createdAt: now,
  };
  const token = deps.vault.newToken();
  await deps.store.createAccount({
    user,
    profile: {
      userId: user.id,
      handle: input.handle,
      displayName: input.displayName,
      bio: '',
      avatarUrl: null,
      tradingStyle: null,
      preferredPairs: [],
      sessionPreference: null,
      updatedAt: now,
    },
    verifyToken: {
      id: deps.ids.newId(),
      userId: user.id,
      purpose: 'verify_email',
      tokenHash: await deps.vault.hashToken(token),
      expiresAt: new Date(now.getTime() + VERIFY_TOKEN_TTL_MS),
      usedAt: null,
      createdAt: now,
    },
    audit: auditEntry(deps, { actorId: user.id, action: 'user.signed_up', subjectId: user.id }),
  });
  await deps.mailer.send(
    verifyEmailMail({
      to: user.email,
      locale: user.locale,
      displayName: input.displayName,
      link: `${deps.appUrl}/verify-email?token=${encodeURIComponent(token)}`,
    }),
  );
  return { userId: user.id };
}

export function handleTaken(): DomainError {
  return new DomainError('profile.handle_taken', 'This handle is already taken', {
    fields: [{ path: 'handle', message: 'This handle is already taken' }],
  });
}
