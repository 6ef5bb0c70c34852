import type { User } from '../accounts/model';
import { DomainError } from '../shared/domain-error';
import type { StatementDeps } from './deps';

/**
 * The acting user, who must be an admin. Checked in core (not only by the route) so every
 * caller — API, CLI, job — gets the same rule.
 * @throws DomainError `auth.forbidden`
 */
export async function requireAdmin(deps: Pick<StatementDeps, 'users'>, userId: string): Promise<User> {
  const user = await deps.users.findUserById(userId);
  if (!user || user.role !== 'admin') throw new DomainError('auth.forbidden', 'Only admins may do this');
  return user;
}
