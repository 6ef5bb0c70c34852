import type { StatementJob } from '@clantrader/core';

/** The Worker's non-string bindings (wrangler.toml), checked once per invocation. */
export type WorkerBindings = { blobs: R2Bucket; statementJobs: Queue<StatementJob> };

/**
 * Reads the R2 bucket `BLOBS` and the queue producer `STATEMENT_JOBS`.
 * @throws Error naming the missing binding (a wrangler.toml mistake, not a user error)
 */
export function readWorkerBindings(raw: Record<string, unknown>): WorkerBindings {
  const blobs = raw.BLOBS;
  const statementJobs = raw.STATEMENT_JOBS;
  if (!hasMethods(blobs, ['put', 'get'])) throw new Error('Missing R2 binding BLOBS');
  if (!hasMethods(statementJobs, ['send'])) throw new Error('Missing queue binding STATEMENT_JOBS');
  return { blobs: blobs as R2Bucket, statementJobs: statementJobs as Queue<StatementJob> };
}

function hasMethods(value: unknown, names: string[]): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function')
  );
}
