import { DomainError } from '../shared/domain-error';
import type { AccountDeps } from './deps';
import type { EmailToken, EmailTokenPurpose } from './model';

/**
 * Looks a link token up by its hash and checks it can still be used.
 * @throws DomainError `auth.token_invalid` | `auth.token_used` | `auth.token_expired`
 */
export async function findLiveToken(
  deps: Pick<AccountDeps, 'store' | 'vault' | 'clock'>,
  purpose: EmailTokenPurpose,
  token: string,
): Promise<EmailToken> {
  const found = await deps.store.findEmailToken(purpose, await deps.vault.hashToken(token));
  if (!found) throw new DomainError('auth.token_invalid', 'This link is not valid');
  if (found.usedAt) throw tokenUsed();
  if (found.expiresAt.getTime() <= deps.clock.now().getTime()) {
    throw new DomainError('auth.token_expired', 'This link has expired; ask for a new one');
  }
  return found;
}

export function tokenUsed(): DomainError {
  return new DomainError('auth.token_used', 'This link has already been used');
}
