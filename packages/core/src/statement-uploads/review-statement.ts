import { auditEntry } from '../accounts/audit';
import { DomainError } from '../shared/domain-error';
import { parseStatement } from '../statements/parse-statement';
import type { StatementDeps } from './deps';
import type { ReviewInput } from './model';
import type { TradeMerge } from './ports';
import { requireAdmin } from './require-admin';
import { toView, type StatementView } from './view-statement';

/**
 * An admin's decision on a statement in `needs_review`: approve (-> verified, its trades
 * merged into the trading account) or reject (-> rejected, reason required and shown to
 * the owner). Audited. A second decision on the same statement is refused.
 * @throws DomainError `auth.forbidden` | `statement.not_found` | `statement.not_reviewable`
 *   | `validation.failed` (reject without a reason)
 */
export async function reviewStatement(
  deps: StatementDeps,
  input: ReviewInput & { adminId: string; statementId: string },
): Promise<StatementView> {
  await requireAdmin(deps, input.adminId);
  const reason = input.reason?.trim() || null;
  if (input.decision === 'reject' && !reason) {
    throw new DomainError('validation.failed', 'A reason is required to reject a statement', {
      fields: [{ path: 'reason', message: 'A reason is required to reject a statement' }],
    });
  }
  const statement = await deps.store.findStatement(input.statementId);
  if (!statement) throw new DomainError('statement.not_found', 'No such statement');
  if (statement.status !== 'needs_review') throw notReviewable(statement.status);
  const merge = input.decision === 'approve' ? await reparse(deps, statement.blobKey) : null;
  const at = deps.clock.now();
  const done = await deps.store.recordReview({
    statementId: statement.id,
    decision: input.decision,
    reason,
    reviewerId: input.adminId,
    at,
    merge,
    audit: auditEntry(deps, {
      actorId: input.adminId,
      action: input.decision === 'approve' ? 'statement.approved' : 'statement.review_rejected',
      subjectId: statement.id,
      data: { userId: statement.userId, reason },
    }),
  });
  const after = await deps.store.findStatement(statement.id);
  if (!done || !after) throw notReviewable(after?.status ?? 'unknown');
  return toView(after);
}

function notReviewable(status: string): DomainError {
  return new DomainError('statement.not_reviewable', `The statement is ${status}, not awaiting review`);
}

/** The rows to merge on approval, read again from the original (they are not stored twice). */
async function reparse(deps: Pick<StatementDeps, 'blobs'>, blobKey: string): Promise<TradeMerge> {
  const bytes = await deps.blobs.get(blobKey);
  if (!bytes) throw new Error(`The original ${blobKey} is missing from the blob store`);
  const parsed = parseStatement(bytes);
  return { trades: parsed.closedTrades, balanceOperations: parsed.balanceOperations };
}
