import { DomainError } from '../shared/domain-error';
import { auditEntry } from './audit';
import type { AccountDeps } from './deps';
import type { Plan } from './model';

/**
 * An admin grants or withdraws Pro (until payments set it). Checked in core, audited with
 * the change in one transaction.
 * @throws DomainError `auth.forbidden` (not an admin) | `profile.not_found` (no such user)
 */
export async function setUserPlan(
  deps: Pick<AccountDeps, 'store' | 'clock' | 'ids'>,
  input: { adminId: string; userId: string; plan: Plan },
): Promise<{ userId: string; plan: Plan }> {
  const admin = await deps.store.findUserById(input.adminId);
  if (!admin || admin.role !== 'admin') throw new DomainError('auth.forbidden', 'Only admins may do this');
  const audit = auditEntry(deps, {
    actorId: input.adminId,
    action: 'user.plan_set',
    subjectId: input.userId,
    data: { plan: input.plan },
  });
  if (!(await deps.store.setPlan(input.userId, input.plan, audit))) {
    throw new DomainError('profile.not_found', 'No such user');
  }
  return { userId: input.userId, plan: input.plan };
}
