import type { AccountDeps } from './deps';
import type { User } from './model';

/**
 * Resolves a bearer session token to its user; null when unknown, expired or the user
 * is gone. The API's auth middleware and the room ticket issuer both go through here,
 * which is what makes one session valid for pages, API and rooms.
 */
export async function authenticateSession(
  deps: Pick<AccountDeps, 'store' | 'vault' | 'clock'>,
  token: string,
): Promise<User | null> {
  const session = await deps.store.findSession(await deps.vault.hashToken(token));
  if (!session || session.expiresAt.getTime() <= deps.clock.now().getTime()) return null;
  return deps.store.findUserById(session.userId);
}

/** Ends one session. Idempotent: logging out twice is not an error. */
export async function logOut(deps: Pick<AccountDeps, 'store' | 'vault'>, token: string): Promise<void> {
  await deps.store.deleteSession(await deps.vault.hashToken(token));
}
