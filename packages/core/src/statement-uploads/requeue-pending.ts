import type { StatementDeps } from './deps';

/** A job younger than this may still be in its queue or running; older ones were lost. */
export const REQUEUE_AFTER_MS = 5 * 60 * 1000;
/** Per run; the next run picks up the rest. */
const REQUEUE_BATCH = 500;

/**
 * Periodic job (at start and every few minutes on-prem, by cron on the edge): statements
 * still `pending` five minutes after upload lost their job — the on-prem in-process queue
 * does not survive a restart, and an enqueue can fail after the row was written — so their
 * processing is queued again. Safe to over-deliver: processing is a compare-and-set on
 * `pending`, so a job that was merely slow runs once more as a no-op.
 */
export async function requeuePendingStatements(
  deps: Pick<StatementDeps, 'store' | 'queue' | 'clock'>,
): Promise<{ requeued: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - REQUEUE_AFTER_MS);
  const ids = await deps.store.listPendingBefore(cutoff, REQUEUE_BATCH);
  for (const statementId of ids) await deps.queue.enqueue({ type: 'statement.process', statementId });
  return { requeued: ids.length };
}
