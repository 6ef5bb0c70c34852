import { auditEntry } from '../accounts/audit';
import type { StatementDeps } from './deps';
import { STATEMENT_UPLOAD_LIMITS } from './model';

/**
 * Daily job (cron on the edge, scheduler on-prem): a verified statement older than 30
 * days, with nothing verified for its trading account since, becomes `expired` and its
 * owner sees a re-verification prompt. Idempotent and safe on two servers at once (the
 * store changes each statement with one conditional UPDATE).
 */
export async function expireStatements(
  deps: Pick<StatementDeps, 'store' | 'clock' | 'ids'>,
): Promise<{ expired: number }> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - STATEMENT_UPLOAD_LIMITS.reverifyAfterMs);
  const ids = await deps.store.expireStale(cutoff, now, (statementId) =>
    auditEntry(deps, { actorId: null, action: 'statement.expired', subjectId: statementId }),
  );
  return { expired: ids.length };
}
